// The kitchen display's store: the orders feed, bumps and recalls, and the menu for marking things sold out.
import type { MenuAvailability, MenuView, OrderView } from '@selfserve/shared';
import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import { useOrdersScreen } from './orders/screen.js';
import { type Answer, ordersRequest } from './orders/request.js';

export const useKitchenStore = defineStore('kitchen', () => {
  const menu = shallowRef<MenuView['menu'] | null>(null);
  const availability = shallowRef<MenuAvailability | null>(null);

  const screen = useOrdersScreen({
    // Menu pushes while the panel was never opened are kept too: it opens with what is sold out now.
    listen: (s) => s.on('menu:availability', takeAvailability),
    connected: () => void (menu.value && loadMenu()),
  });

  function takeAvailability(next: MenuAvailability): void {
    if (!availability.value || next.version >= availability.value.version) availability.value = next;
  }

  /** The menu, asked for when the sold-out panel first opens (and again after a reconnect). */
  async function loadMenu(): Promise<Answer<MenuView>> {
    const r = await ordersRequest(screen.socket.value, 'menu:get', {});
    if (r.ok) {
      menu.value = r.data.menu;
      takeAvailability(r.data.availability);
    }
    return r;
  }

  /** Bumps one item, or the whole order without `itemId`; the answer is the order as it is now. */
  async function bump(orderId: string, itemId?: string): Promise<Answer<OrderView>> {
    const r = await ordersRequest(screen.socket.value, 'kitchen:bump', itemId === undefined ? { orderId } : { orderId, itemId });
    if (r.ok) screen.take(r.data);
    return r;
  }

  /** Brings the order bumped last back onto the screen. */
  async function recall(): Promise<Answer<OrderView> | null> {
    const orderId = screen.lastBumped.value;
    if (orderId === null) return null;
    const r = await ordersRequest(screen.socket.value, 'kitchen:recall', { orderId });
    if (r.ok) screen.take(r.data);
    return r;
  }

  async function setSoldOut(target: string, soldOut: boolean): Promise<Answer<MenuAvailability>> {
    const r = await ordersRequest(screen.socket.value, 'menu:setSoldOut', { target, soldOut });
    if (r.ok) takeAvailability(r.data);
    return r;
  }

  return { ...screen, menu, availability, loadMenu, bump, recall, setSoldOut };
});
