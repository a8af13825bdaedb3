// A return at the lane's staff menu: @selfserve/ui's return flow over the staff member's session, forgotten when the session ends.
import type { Ack } from '@selfserve/shared';
import { type PayloadOf, type ReturnData, type ReturnEvent, request, useReturnFlow } from '@selfserve/ui';
import { defineStore } from 'pinia';
import { watch } from 'vue';
import { useStaffStore } from '../../stores/staff.js';

export const useReturnStore = defineStore('staff-return', () => {
  const staff = useStaffStore();
  const flow = useReturnFlow({
    // TypeScript does not see AckOf<E> of a generic event as an Ack: it is the one the contract gives the event.
    send: <E extends ReturnEvent>(event: E, payload: PayloadOf<E>) => staff.query((s) => request(s, event, payload) as Promise<Ack<ReturnData<E>>>),
    // The kiosk's own codes for an answer that never came.
    lost: (code) => code === 'timeout' || code === 'offline',
  });

  // Signed out (or another staff member's badge): nothing of this return stays for the next one.
  watch(() => staff.session, (now, before) => now?.session === before?.session || flow.clear());

  return flow;
});
