// The Returns tab: @selfserve/ui's return flow over the station's staff session, forgotten when the session ends.
import { type Answer, type PayloadOf, type ReturnEvent, useReturnFlow } from '@selfserve/ui';
import { defineStore } from 'pinia';
import { watch } from 'vue';
import type { Outcome } from '../store/outcome.js';
import { useStationStore } from '../store/station.js';

/** The station's outcome in the ack's shape the flow takes: a refusal's code and the hub's message, if any. */
const answer = <T>(r: Outcome<T>): Answer<T> => (r.ok ? r : { ok: false, error: { code: r.code, message: r.message } });

export const useReturnsStore = defineStore('station-returns', () => {
  const station = useStationStore();
  const flow = useReturnFlow({
    send: async <E extends ReturnEvent>(event: E, payload: PayloadOf<E>) => answer(await station.send(event, payload)),
    // The station's own codes for an answer that never came.
    lost: (code) => code === 'no-answer' || code === 'offline',
  });

  watch(() => station.session, (s) => s || flow.clear());

  return flow;
});
