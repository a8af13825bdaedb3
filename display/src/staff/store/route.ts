// Which part of the station is open, kept in the address's #hash so a reload comes back to it.

export type StationRoute = { kind: 'lanes' } | { kind: 'lane'; laneId: string } | { kind: 'manager'; tab: ManagerTab };

export const MANAGER_TABS = ['staff', 'devices', 'audit', 'insights'] as const;
export type ManagerTab = (typeof MANAGER_TABS)[number];

const isTab = (v: string | undefined): v is ManagerTab => MANAGER_TABS.some((t) => t === v);

export function parseRoute(hash: string): StationRoute {
  const [kind, arg] = hash.replace(/^#\/?/, '').split('/').map((p) => decodeURIComponent(p));
  if (kind === 'lane' && arg) return { kind: 'lane', laneId: arg };
  if (kind === 'manager') return { kind: 'manager', tab: isTab(arg) ? arg : 'staff' };
  return { kind: 'lanes' };
}

export function formatRoute(r: StationRoute): string {
  if (r.kind === 'lane') return `#/lane/${encodeURIComponent(r.laneId)}`;
  if (r.kind === 'manager') return `#/manager/${r.tab}`;
  return '';
}
