// The electronic journal over the manager HTTP API (export, verification), with the manager view's PIN prompt when the hub asks again.
import type { JournalVerification } from '@selfserve/shared';
import { createManagerApi } from '../manager/api.js';
import { useManagerStore } from '../manager/manager.js';
import { useStationStore } from '../store/station.js';
import { type JournalFormat, journalPath } from './logic.js';

export function useJournalApi() {
  const station = useStationStore();
  const manager = useManagerStore();
  const api = createManagerApi({
    auth: () => {
      const s = station.session;
      return s && station.token ? { token: station.token, session: s.session, csrf: s.csrf } : null;
    },
    // The manager view's own PIN dialog answers through pinAnswered: its answer is ours.
    reauth: () =>
      new Promise<boolean>((resolve) => {
        const stop = manager.$onAction(({ name, args }) => {
          if (name !== 'pinAnswered') return;
          stop();
          resolve(args[0] === true);
        });
        manager.askingPin = true;
      }),
    signedOut: () => station.expire('session-lost'),
  });

  return {
    file: (from: string, to: string, format: JournalFormat) => api.blob(journalPath(from, to, format)),
    verify: () => api.json<JournalVerification>('GET', '/api/manager/journal/verify'),
  };
}
