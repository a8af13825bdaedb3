/** Staff events on a socket: sign-in and sessions, the station's overview, and staff actions on lanes. */
import {
  actionsOf,
  DomainError,
  parseBarcode,
  staffClaimPayload,
  staffEmptyPayload,
  staffLaneActionPayload,
  staffLanePayload,
  staffOverridePricePayload,
  staffReauthPayload,
  staffResolvePayload,
  staffResumePayload,
  staffSignInPayload,
  staffVoidLinePayload,
  type InterventionReason,
  type LaneMode,
  type ParseOptions,
  type StaffSessionInfo,
  type StaffSignInMethod,
  type StationOverview,
} from '@selfserve/shared';
import type { StaffService } from '../../services/staff/staff.service.js';
import type { StaffSession, StaffSessions } from '../../services/staff/sessions.js';
import type { InterventionsService, StaffActor } from '../../services/interventions/interventions.service.js';
import type { LanesService } from '../../services/lanes/lanes.service.js';
import { handler, staffHandler, type HandlerContext } from './handle.js';
import type { HubSocket } from './index.js';

export interface StaffRealtimeDeps {
  staff: StaffService;
  sessions: StaffSessions;
  interventions: InterventionsService;
  lanes: LanesService;
  laneList: () => Array<{ id: string; name: string; mode: LaneMode }>;
  online: (laneId: string) => boolean;
  remote: Readonly<Record<InterventionReason, boolean>>;
  parseOptions: ParseOptions;
  badgeOnlyAtLane: boolean;
}

export const sessionRoom = (id: string) => `staff-session:${id}`;
export const STATIONS_ROOM = 'stations';
const laneRoom = (laneId: string) => `lane:${laneId}`;

/** A badge as scanned (with the store's staff prefix) or as typed. */
function badgeOf(code: string, options: ParseOptions): string {
  const parsed = parseBarcode(code, options);
  return parsed.ok && parsed.kind === 'staff' ? parsed.id : code.trim();
}

export function attachStaffEvents(socket: HubSocket, ctx: HandlerContext, deps: StaffRealtimeDeps): void {
  const { device } = ctx;
  const { sessions, interventions } = deps;

  const info = (s: StaffSession): StaffSessionInfo => ({
    session: s.id,
    csrf: s.csrf,
    staff: { id: s.staff.id, number: s.staff.number, name: s.staff.name, role: s.staff.role },
    method: s.method,
    actions: actionsOf(s.staff.role),
    idleSeconds: sessions.idleSeconds(s.deviceKind),
  });

  const adopt = (s: StaffSession) => {
    const previous = socket.data.session;
    if (previous && previous !== s.id) void socket.leave(sessionRoom(previous));
    socket.data.session = s.id;
    void socket.join(sessionRoom(s.id));
    return info(s);
  };

  const actor = (s: StaffSession): StaffActor => {
    const atLane = device.kind === 'kiosk';
    return { staff: { staffId: s.staff.id, name: s.staff.name, role: s.staff.role }, deviceId: device.deviceId, method: atLane ? s.method : 'remote', atLane };
  };

  const mayStaff = (d: typeof device) => (d.kind === 'display' ? 'a customer display cannot sign staff in' : null);

  socket.on(
    'staff:signIn',
    handler(ctx, 'staff:signIn', staffSignInPayload, mayStaff, async (p) => {
      const badge = p.badge === undefined ? undefined : badgeOf(p.badge, deps.parseOptions);
      let method: StaffSignInMethod;
      let result;
      if (p.pin === undefined) {
        if (!(badge !== undefined && device.kind === 'kiosk' && deps.badgeOnlyAtLane)) throw new DomainError('sign-in-failed', 'type your PIN as well');
        method = 'badge';
        result = await deps.staff.authenticateBadge({ badge, deviceId: device.deviceId });
      } else {
        method = badge !== undefined ? 'badge+pin' : 'pin';
        result = await deps.staff.authenticate({ ...(badge !== undefined ? { badge } : { number: p.number! }), pin: p.pin, deviceId: device.deviceId });
      }
      if (!result.ok) {
        if (result.reason === 'locked') throw new DomainError('locked', 'too many wrong PINs: this staff member is locked for a while');
        throw new DomainError('sign-in-failed', 'the staff number, badge or PIN is not right');
      }
      return adopt(sessions.create(result.staff, device, method));
    }),
  );

  socket.on(
    'staff:resume',
    handler(ctx, 'staff:resume', staffResumePayload, mayStaff, async (p) => {
      const s = sessions.get(p.session, device.deviceId);
      if (!s) throw new DomainError('signed-out', 'the session ended: sign in again');
      sessions.touch(s);
      return adopt(s);
    }),
  );

  socket.on(
    'staff:signOut',
    staffHandler(ctx, 'staff:signOut', staffEmptyPayload, { action: null }, async (_p, s) => {
      await deps.staff.recordSignOut(s.staff.id, device.deviceId);
      sessions.end(s.id, 'signed-out');
      return { signedOut: true as const };
    }),
  );

  socket.on(
    'staff:reauth',
    staffHandler(ctx, 'staff:reauth', staffReauthPayload, { action: null }, async (p, s) => {
      const result = await deps.staff.authenticate({ number: s.staff.number, pin: p.pin, deviceId: device.deviceId });
      if (!result.ok) throw new DomainError(result.reason === 'locked' ? 'locked' : 'sign-in-failed', 'the PIN is not right');
      sessions.admin(s);
      return { ok: true as const };
    }),
  );

  socket.on(
    'staff:watch',
    staffHandler(ctx, 'staff:watch', staffEmptyPayload, { action: 'lanes:watch', stationOnly: true }, async (): Promise<StationOverview> => {
      const lanes = deps.laneList();
      for (const l of lanes) void socket.join(laneRoom(l.id));
      void socket.join(STATIONS_ROOM);
      const overview = await Promise.all(lanes.map(async (l) => ({ laneId: l.id, name: l.name, mode: l.mode, online: deps.online(l.id), snapshot: await deps.lanes.snapshot(l.id) })));
      return { lanes: overview, remote: { ...deps.remote } };
    }),
  );

  socket.on('staff:laneHistory', staffHandler(ctx, 'staff:laneHistory', staffLanePayload, { action: 'lanes:watch', stationOnly: true }, (p) => interventions.history(p.laneId)));
  socket.on('staff:claim', staffHandler(ctx, 'staff:claim', staffClaimPayload, { action: 'intervention:claim' }, (p, s) => interventions.claim(p.laneId, p, actor(s))));
  socket.on('staff:resolve', staffHandler(ctx, 'staff:resolve', staffResolvePayload, { action: 'intervention:resolve' }, (p, s) => interventions.resolve(p.laneId, p, actor(s))));
  socket.on('staff:voidLine', staffHandler(ctx, 'staff:voidLine', staffVoidLinePayload, { action: 'line:void' }, (p, s) => interventions.voidLine(p.laneId, p, actor(s))));
  // Any staff member may ask; only a role allowed line:overridePrice sets it at once (the service decides).
  socket.on('staff:overridePrice', staffHandler(ctx, 'staff:overridePrice', staffOverridePricePayload, { action: null }, (p, s) => interventions.overridePrice(p.laneId, p, actor(s))));
  socket.on('staff:cancelSale', staffHandler(ctx, 'staff:cancelSale', staffLaneActionPayload, { action: 'sale:cancel' }, (p, s) => interventions.cancelSale(p.laneId, p, actor(s))));
  socket.on('staff:reprint', staffHandler(ctx, 'staff:reprint', staffLaneActionPayload, { action: 'receipt:reprint' }, (p, s) => interventions.reprint(p.laneId, p, actor(s))));
  socket.on('staff:closeLane', staffHandler(ctx, 'staff:closeLane', staffLaneActionPayload, { action: 'lane:close' }, (p, s) => interventions.closeLane(p.laneId, p, actor(s))));
  socket.on('staff:openLane', staffHandler(ctx, 'staff:openLane', staffLaneActionPayload, { action: 'lane:close' }, (p, s) => interventions.openLane(p.laneId, p, actor(s))));
}
