// The display's lane store: the hub's snapshot of the lane this screen mirrors. Read-only: it sends lane:sync only.
import { defineStore } from 'pinia';
import { useLaneConnection } from '../device/connection.js';

export const useLaneStore = defineStore('lane', () => {
  const connection = useLaneConnection();
  return {
    socket: connection.socket,
    hello: connection.hello,
    snapshot: connection.snapshot,
    status: connection.status,
    refusal: connection.refusal,
    connect: connection.connect,
    disconnect: connection.disconnect,
  };
});
