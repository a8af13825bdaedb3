// The manager view's store: its HTTP calls as the signed-in manager (the End of day tab's journal among them), and the PIN prompt the hub may ask for.
import type { AdminCreateDeviceBody, AdminCreateStaffBody, AuditRecord, DeviceInfo, JournalVerification, PairingCode, StaffMember, StoreInsights, UpstreamStatus } from '@selfserve/shared';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { type JournalFormat, journalPath } from '../reports/logic.js';
import { useStationStore } from '../store/station.js';
import { createManagerApi, queryString } from './api.js';
import type { RangeQuery } from './insights/range.js';

export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  laneId?: string;
  limit?: number;
}

export const useManagerStore = defineStore('station-manager', () => {
  const station = useStationStore();
  const askingPin = ref(false);
  let answerPin: ((proven: boolean) => void) | null = null;

  const api = createManagerApi({
    auth: () => {
      const s = station.session;
      return s && station.token ? { token: station.token, session: s.session, csrf: s.csrf } : null;
    },
    reauth: () =>
      new Promise<boolean>((resolve) => {
        answerPin?.(false); // a second call waiting for the PIN takes over the one prompt
        answerPin = resolve;
        askingPin.value = true;
      }),
    signedOut: () => station.expire('session-lost'),
  });

  /** The PIN prompt's answer: proven (staff:reauth accepted) or given up. */
  function pinAnswered(proven: boolean): void {
    askingPin.value = false;
    answerPin?.(proven);
    answerPin = null;
  }

  const id = encodeURIComponent;
  return {
    askingPin,
    pinAnswered,
    listStaff: () => api.json<StaffMember[]>('GET', '/api/manager/staff'),
    createStaff: (body: AdminCreateStaffBody) => api.json<{ staff: StaffMember; pin: string }>('POST', '/api/manager/staff', body),
    setActive: (staffId: string, active: boolean) => api.json<StaffMember>('POST', `/api/manager/staff/${id(staffId)}/active`, { active }),
    resetPin: (staffId: string) => api.json<{ pin: string }>('POST', `/api/manager/staff/${id(staffId)}/pin`),
    listDevices: () => api.json<DeviceInfo[]>('GET', '/api/manager/devices'),
    createDevice: (body: AdminCreateDeviceBody) => api.json<PairingCode>('POST', '/api/manager/devices', body),
    newCode: (deviceId: string) => api.json<PairingCode>('POST', `/api/manager/devices/${id(deviceId)}/code`),
    revoke: (deviceId: string) => api.json<DeviceInfo>('POST', `/api/manager/devices/${id(deviceId)}/revoke`),
    audit: (f: AuditFilter) => api.json<{ rows: AuditRecord[] }>('GET', `/api/manager/audit${queryString({ ...f })}`),
    auditCsv: (f: AuditFilter) => api.blob(`/api/manager/audit.csv${queryString({ ...f })}`),
    insights: (r: RangeQuery) => api.json<StoreInsights>('GET', `/api/manager/insights${queryString({ ...r })}`),
    insightsCsv: (r: RangeQuery, lang: string) => api.blob(`/api/manager/insights.csv${queryString({ ...r, lang })}`),
    /** The electronic journal of a range of days, as a file. */
    journal: (from: string, to: string, format: JournalFormat) => api.blob(journalPath(from, to, format)),
    verifyJournal: () => api.json<JournalVerification>('GET', '/api/manager/journal/verify'),
    /** Read on a timer while the panel shows: never a PIN prompt for it. */
    upstream: () => api.json<UpstreamStatus>('GET', '/api/manager/upstream', undefined, { passive: true }),
  };
});
