// The order-status board's store: its connection and the open orders, nothing else: the board only shows.
import { defineStore } from 'pinia';
import { useOrdersScreen } from '../kitchen/orders/screen.js';

export const useBoardStore = defineStore('board', () => useOrdersScreen());
