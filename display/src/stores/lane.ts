// The display's lane store: the hub's snapshot of the lane this screen mirrors. Read-only: it sends lane:sync only.
import { useLaneConnection } from '@selfserve/ui';
import { defineStore } from 'pinia';

export const useLaneStore = defineStore('lane', () => useLaneConnection());
