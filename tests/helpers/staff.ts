/** Staff in tests: create them on the hub, sign them in on a device, and call the manager's HTTP routes. */
import type { StaffRole, StaffSessionInfo } from '@selfserve/shared';
import type { Client, TestHub } from './hub.js';

export interface TestStaff {
  id: string;
  number: string;
  pin: string;
  badge: string;
  role: StaffRole;
}

let next = 1000;

export async function createStaff(t: TestHub, role: StaffRole, name = `${role} ${next}`): Promise<TestStaff> {
  const number = String(++next);
  const badge = `B${number}`;
  const { staff, pin } = await t.hub.staff.create({ number, name, role, badge });
  return { id: staff.id, number, pin, badge, role };
}

export async function signIn(client: Client, who: { number: string; pin: string }): Promise<StaffSessionInfo> {
  const ack = await client.emitWithAck('staff:signIn', { number: who.number, pin: who.pin });
  if (!ack.ok) throw new Error(`sign-in failed: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

/** A manager-route call as the station page makes it: device token, session, CSRF token, own Origin. */
export function managerFetch(t: TestHub, session: StaffSessionInfo, token: string) {
  return async (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const res = await fetch(`${t.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${token}`,
        'x-staff-session': session.session,
        'x-csrf-token': session.csrf,
        origin: t.url,
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: res.status, json: json as { ok: boolean; data?: any; error?: { code: string; message: string } }, text };
  };
}
