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
  type ClientToServer,
  type DeviceHello,
  type ServerToClient,
} from '@selfserve/shared';
import type { DeviceIdentity, DeviceIssuer } from '../../services/devices.service.js';
import type { LanesService } from '../../services/lanes/lanes.service.js';
import type { CatalogService } from '../../services/catalog/catalog.service.js';
import { handler, kioskOnly, laneDevice, type HandlerContext } from './handle.js';
import { RateLimiter } from './rate-limit.js';

export interface SocketData {
  device: DeviceIdentity;
}
export type HubServer = Server<ClientToServer, ServerToClient, Record<string, never>, SocketData>;
type HubSocket = Socket<ClientToServer, ServerToClient, Record<string, never>, SocketData>;

export interface RealtimeDeps {
  devices: DeviceIssuer;
  lanes: LanesService;
  catalog: CatalogService;
  log: Logger;
  limits: { eventsPerSecond: number; eventBurst: number };
  store: () => DeviceHello['store'];
  checkout: DeviceHello['checkout'];
  now: () => Date;
}

export const laneRoom = (laneId: string) => `lane:${laneId}`;

export function attachRealtime(io: HubServer, deps: RealtimeDeps): void {
  const limiter = new RateLimiter(deps.limits.eventsPerSecond, deps.limits.eventBurst);

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
    const ctx: HandlerContext = { device, limiter, log: deps.log };
    socket.emit('device:hello', { ...device, store: deps.store(), checkout: deps.checkout });
    if (device.laneId) {
      void socket.join(laneRoom(device.laneId));
      deps.lanes.snapshot(device.laneId).then(
        (s) => socket.emit('lane:snapshot', s),
        (err: unknown) => deps.log.error({ err, laneId: device.laneId }, 'snapshot on connect failed'),
      );
    }
    const { lanes } = deps;
    socket.on('lane:sync', handler(ctx, 'lane:sync', laneSyncPayload, laneDevice, (_p, d) => lanes.snapshot(d.laneId)));
    socket.on('lane:scan', handler(ctx, 'lane:scan', laneScanPayload, kioskOnly, (p, d) => lanes.scan(d.laneId, p)));
    socket.on('lane:setQuantity', handler(ctx, 'lane:setQuantity', laneSetQuantityPayload, kioskOnly, (p, d) => lanes.setQuantity(d.laneId, p)));
    socket.on('lane:removeLine', handler(ctx, 'lane:removeLine', laneRemoveLinePayload, kioskOnly, (p, d) => lanes.removeLine(d.laneId, p)));
    socket.on('lane:cancel', handler(ctx, 'lane:cancel', laneCancelPayload, kioskOnly, (p, d) => lanes.cancel(d.laneId, p)));
    socket.on('lane:pay', handler(ctx, 'lane:pay', lanePayPayload, kioskOnly, (p, d) => lanes.pay(d.laneId, p)));
    socket.on('lane:identify', handler(ctx, 'lane:identify', laneIdentifyPayload, kioskOnly, (p, d) => lanes.identify(d.laneId, p)));
    socket.on('catalog:search', handler(ctx, 'catalog:search', catalogSearchPayload, laneDevice, async (p) => ({ items: deps.catalog.search(p.query, p) })));
    socket.on('catalog:promotions', handler(ctx, 'catalog:promotions', catalogPromotionsPayload, laneDevice, async () => ({ promotions: deps.catalog.livePromotions(deps.now()) })));
    socket.on('lane:reprint', handler(ctx, 'lane:reprint', laneReprintPayload, kioskOnly, (p, d) => lanes.reprint(d.laneId, p)));
  });

  deps.lanes.onChange((snapshot) => io.to(laneRoom(snapshot.laneId)).emit('lane:snapshot', snapshot));
}
