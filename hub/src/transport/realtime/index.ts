/** Socket.IO transport: device authentication, lane rooms, event handlers, snapshot broadcasts. */
import type { Server, Socket } from 'socket.io';
import type { Logger } from 'pino';
import {
  laneCancelPayload,
  lanePayPayload,
  laneIdentifyPayload,
  catalogSearchPayload,
  catalogPromotionsPayload,
  laneReprintPayload,
  laneRemoveLinePayload,
  laneScanPayload,
  laneSetQuantityPayload,
  laneSyncPayload,
  laneCallStaffPayload,
  type Ack,
  type ClientToServer,
  type DeviceHello,
  type LaneMode,
  type ServerToClient,
} from '@selfserve/shared';
import type { DeviceIdentity, DeviceIssuer } from '../../services/devices.service.js';
import type { LanesService } from '../../services/lanes/lanes.service.js';
import type { CatalogService } from '../../services/catalog/catalog.service.js';
import type { StaffSessions } from '../../services/staff/sessions.js';
import { handler, kioskOnly, laneDevice, type HandlerContext } from './handle.js';
import { RateLimiter } from './rate-limit.js';
import { answerStrayPackets } from './packets.js';
import { refuseCardNumber } from './card-numbers.js';
import { attachStaffEvents, sessionRoom, STATIONS_ROOM, type StaffRealtimeDeps } from './staff.js';
import { attachOrderEvents, MENU_ROOM, ORDERS_ROOM, type OrdersRealtimeDeps } from './orders.js';
import { attachStoreDayEvents, type StoreDayRealtimeDeps } from './store-day.js';

export interface SocketData {
  device: DeviceIdentity;
  /** The staff session signed in on this socket, if any. */
  session?: string | undefined;
}
export type HubServer = Server<ClientToServer, ServerToClient, Record<string, never>, SocketData>;
export type HubSocket = Socket<ClientToServer, ServerToClient, Record<string, never>, SocketData>;

export interface RealtimeDeps {
  devices: DeviceIssuer;
  lanes: LanesService;
  catalog: CatalogService;
  log: Logger;
  limits: { eventsPerSecond: number; eventBurst: number };
  store: () => DeviceHello['store'];
  checkout: DeviceHello['checkout'];
  staffHello: (device: DeviceIdentity) => DeviceHello['staff'];
  now: () => Date;
  sessions: StaffSessions;
  laneMode: (laneId: string) => LaneMode;
  orders: OrdersRealtimeDeps;
  storeDay: StoreDayRealtimeDeps;
  staff: Omit<StaffRealtimeDeps, 'sessions' | 'lanes' | 'online'>;
  /** Told of every answer a device was given (the metrics count scans by outcome). */
  answered?: (event: string, device: DeviceIdentity, answer: Ack<unknown>) => void;
}

export const laneRoom = (laneId: string) => `lane:${laneId}`;
export const deviceRoom = (deviceId: string) => `device:${deviceId}`;

/** What the transport tells the rest of the hub about connected devices. */
export interface Realtime {
  /** Whether a lane's kiosk is connected. */
  laneOnline(laneId: string): boolean;
  deviceOnline(deviceId: string): boolean;
  /** Cuts a device off at once (revoked): its sockets close and its staff session ends. */
  disconnectDevice(deviceId: string): void;
}

export function attachRealtime(io: HubServer, deps: RealtimeDeps): Realtime {
  const limiter = new RateLimiter(deps.limits.eventsPerSecond, deps.limits.eventBurst);
  /** Connected kiosk sockets per lane, and sockets per device. */
  const kiosks = new Map<string, Set<string>>();
  const connected = new Map<string, number>();
  const laneOnline = (laneId: string) => (kiosks.get(laneId)?.size ?? 0) > 0;

  const presence = (socket: HubSocket, up: boolean) => {
    const { device } = socket.data;
    connected.set(device.deviceId, (connected.get(device.deviceId) ?? 0) + (up ? 1 : -1));
    if (connected.get(device.deviceId)! <= 0) connected.delete(device.deviceId);
    if (device.kind !== 'kiosk' || !device.laneId) return;
    const set = kiosks.get(device.laneId) ?? new Set<string>();
    const before = set.size > 0;
    if (up) set.add(socket.id);
    else set.delete(socket.id);
    kiosks.set(device.laneId, set);
    if (before !== set.size > 0) io.to(STATIONS_ROOM).emit('lane:presence', { laneId: device.laneId, online: set.size > 0 });
  };

  // A station whose staff session ended stops receiving every lane's basket at once.
  deps.sessions.onEnd((s, reason) => {
    const room = sessionRoom(s.id);
    io.to(room).emit('staff:signedOut', { reason });
    if (s.deviceKind === 'staff') io.in(room).socketsLeave([STATIONS_ROOM, ORDERS_ROOM, ...deps.staff.laneList().map((l) => laneRoom(l.id))]);
    io.in(room).socketsLeave(room);
  });

  io.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    deps.devices
      .identify(typeof token === 'string' ? token : '')
      .then((device) => {
        if (!device) return next(new Error('unauthorized: this screen is not paired with the hub'));
        socket.data.device = device;
        next();
      })
      .catch((err: unknown) => {
        deps.log.error({ err }, 'device identification failed');
        next(new Error('internal: the hub could not check this device'));
      });
  });

  io.on('connection', (socket: HubSocket) => {
    const device = socket.data.device;
    // One child logger per socket, so every line about this device names it and its lane.
    const log = deps.log.child({ deviceId: device.deviceId, laneId: device.laneId, kind: device.kind });
    const { answered } = deps;
    const ctx: HandlerContext = {
      device,
      limiter,
      log,
      sessions: deps.sessions,
      session: () => socket.data.session,
      ...(answered ? { answered: (event: string, answer: Ack<unknown>) => answered(event, device, answer) } : {}),
    };
    void socket.join(deviceRoom(device.deviceId));
    presence(socket, true);
    log.info({ remote: socket.handshake.address }, 'device connected');
    socket.on('disconnect', (reason) => {
      presence(socket, false);
      log.info({ reason }, 'device disconnected');
    });
    const laneMode = device.laneId ? deps.laneMode(device.laneId) : null;
    socket.emit('device:hello', { ...device, laneMode, store: deps.store(), checkout: deps.checkout, staff: deps.staffHello(device) });
    if (device.laneId) {
      void socket.join(laneRoom(device.laneId));
      deps.lanes.snapshot(device.laneId).then(
        (s) => socket.emit('lane:snapshot', s),
        (err: unknown) => log.error({ err }, 'snapshot on connect failed'),
      );
    }
    const { lanes } = deps;
    socket.on('lane:sync', handler(ctx, 'lane:sync', laneSyncPayload, laneDevice, (_p, d) => lanes.snapshot(d.laneId)));
    socket.on('lane:scan', handler(ctx, 'lane:scan', laneScanPayload, kioskOnly, (p, d) => lanes.scan(d.laneId, refuseCardNumber(p), d.deviceId)));
    socket.on('lane:setQuantity', handler(ctx, 'lane:setQuantity', laneSetQuantityPayload, kioskOnly, (p, d) => lanes.setQuantity(d.laneId, p, d.deviceId)));
    socket.on('lane:removeLine', handler(ctx, 'lane:removeLine', laneRemoveLinePayload, kioskOnly, (p, d) => lanes.removeLine(d.laneId, p, d.deviceId)));
    socket.on('lane:cancel', handler(ctx, 'lane:cancel', laneCancelPayload, kioskOnly, (p, d) => lanes.cancel(d.laneId, p)));
    socket.on('lane:pay', handler(ctx, 'lane:pay', lanePayPayload, kioskOnly, (p, d) => lanes.pay(d.laneId, p, d.deviceId)));
    socket.on('lane:identify', handler(ctx, 'lane:identify', laneIdentifyPayload, kioskOnly, (p, d) => lanes.identify(d.laneId, p)));
    socket.on('catalog:search', handler(ctx, 'catalog:search', catalogSearchPayload, laneDevice, async (p) => ({ items: deps.catalog.search(p.query, p) })));
    socket.on('catalog:promotions', handler(ctx, 'catalog:promotions', catalogPromotionsPayload, laneDevice, async () => ({ promotions: deps.catalog.livePromotions(deps.now()) })));
    socket.on('lane:reprint', handler(ctx, 'lane:reprint', laneReprintPayload, kioskOnly, (p, d) => lanes.reprint(d.laneId, p)));
    socket.on('lane:callStaff', handler(ctx, 'lane:callStaff', laneCallStaffPayload, kioskOnly, (p, d) => lanes.callStaff(d.laneId, refuseCardNumber(p), d.deviceId)));
    attachStaffEvents(socket, ctx, { ...deps.staff, sessions: deps.sessions, lanes, online: laneOnline });
    attachOrderEvents(socket, ctx, deps.orders);
    attachStoreDayEvents(socket, ctx, deps.storeDay);
    answerStrayPackets(socket, ctx);
  });

  deps.lanes.onChange((snapshot) => io.to(laneRoom(snapshot.laneId)).emit('lane:snapshot', snapshot));
  deps.orders.menu.onChange((availability) => io.to(MENU_ROOM).emit('menu:availability', availability));
  deps.orders.orders.onChange((order) => io.to(ORDERS_ROOM).emit('order:update', order));

  return {
    laneOnline,
    deviceOnline: (deviceId) => connected.has(deviceId),
    disconnectDevice(deviceId) {
      deps.sessions.endForDevice(deviceId, 'device-revoked');
      io.in(deviceRoom(deviceId)).disconnectSockets(true);
    },
  };
}
