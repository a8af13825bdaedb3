/** Restaurant events on a socket: the ordering kiosk's basket, the menu, the kitchen's bumps, the board, the counter. */
import {
  counterFindPayload,
  counterPayPayload,
  counterReleasePayload,
  kitchenBumpPayload,
  kitchenRecallPayload,
  menuGetPayload,
  menuSoldOutPayload,
  orderAddPayload,
  orderCancelPayload,
  orderDiningPayload,
  orderHandOverPayload,
  orderPayAtCounterPayload,
  orderReplaceLinePayload,
  ordersWatchPayload,
} from '@selfserve/shared';
import type { z } from 'zod';
import type { MenuService } from '../../services/orders/menu.service.js';
import type { OrdersService } from '../../services/orders/orders.service.js';
import type { OrderingService } from '../../services/orders/ordering.service.js';
import type { DeviceIdentity } from '../../services/devices.service.js';
import type { StaffSession } from '../../services/staff/sessions.js';
import { handler, kioskOnly, staffHandler, type HandlerContext } from './handle.js';
import type { HubSocket } from './index.js';

export interface OrdersRealtimeDeps {
  menu: MenuService;
  orders: OrdersService;
  ordering: OrderingService;
}

/** Order kiosks, kitchens and stations that asked for the menu: they hear of sold-out changes. */
export const MENU_ROOM = 'menu';
/** Kitchens, boards and stations watching the open orders. */
export const ORDERS_ROOM = 'orders';

const anyDevice = () => null;
const kinds =
  (...allowed: DeviceIdentity['kind'][]) =>
  (d: DeviceIdentity) =>
    allowed.includes(d.kind) ? null : `a ${d.kind} cannot do this`;

export function attachOrderEvents(socket: HubSocket, ctx: HandlerContext, deps: OrdersRealtimeDeps): void {
  const { menu, orders, ordering } = deps;
  const { device } = ctx;
  const staff = device.kind === 'staff';

  /** The kitchen acts by being the kitchen; at a station, a signed-in staff member allowed `action` does. */
  const kitchenOrStaff = <S extends z.ZodType, T>(event: string, schema: S, action: 'order:counter' | 'menu:soldOut', run: (p: z.output<S>, by: { staffId: string | null; session: StaffSession | null }) => Promise<T>) =>
    staff
      ? staffHandler(ctx, event, schema, { action, stationOnly: true }, (p, s) => run(p, { staffId: s.staff.id, session: s }))
      : handler(ctx, event, schema, kinds('kitchen'), (p) => run(p, { staffId: null, session: null }));

  socket.on(
    'menu:get',
    handler(ctx, 'menu:get', menuGetPayload, anyDevice, async () => {
      const view = menu.view();
      void socket.join(MENU_ROOM);
      return view;
    }),
  );

  socket.on('order:add', handler(ctx, 'order:add', orderAddPayload, kioskOnly, (p, d) => ordering.add(d.laneId, p, d.deviceId)));
  socket.on('order:replaceLine', handler(ctx, 'order:replaceLine', orderReplaceLinePayload, kioskOnly, (p, d) => ordering.replaceLine(d.laneId, p, d.deviceId)));
  socket.on('order:setDining', handler(ctx, 'order:setDining', orderDiningPayload, kioskOnly, (p, d) => ordering.setDining(d.laneId, p)));
  socket.on('order:payAtCounter', handler(ctx, 'order:payAtCounter', orderPayAtCounterPayload, kioskOnly, (p, d) => ordering.payAtCounter(d.laneId, p)));

  const watch = async () => {
    void socket.join(ORDERS_ROOM);
    return orders.overview();
  };
  socket.on(
    'orders:watch',
    staff
      ? staffHandler(ctx, 'orders:watch', ordersWatchPayload, { action: 'order:counter', stationOnly: true }, watch)
      : handler(ctx, 'orders:watch', ordersWatchPayload, kinds('kitchen', 'board'), watch),
  );

  socket.on('kitchen:bump', kitchenOrStaff('kitchen:bump', kitchenBumpPayload, 'order:counter', (p) => orders.bump(p.orderId, p.itemId)));
  socket.on('kitchen:recall', kitchenOrStaff('kitchen:recall', kitchenRecallPayload, 'order:counter', (p) => orders.recall(p.orderId)));
  socket.on('order:handOver', kitchenOrStaff('order:handOver', orderHandOverPayload, 'order:counter', (p) => orders.handOver(p.orderId)));
  socket.on(
    'menu:setSoldOut',
    kitchenOrStaff('menu:setSoldOut', menuSoldOutPayload, 'menu:soldOut', (p, by) =>
      menu.setSoldOut(p.target, p.soldOut, { staffId: by.staffId, deviceId: device.deviceId, ...(by.session ? { method: by.session.method } : {}) }),
    ),
  );

  /** The counter is staff's work at a station; staffHandler refuses every other device. */
  const counter = <S extends z.ZodType, T>(event: string, schema: S, run: (p: z.output<S>, s: StaffSession) => Promise<T>) =>
    staffHandler(ctx, event, schema, { action: 'order:counter', stationOnly: true }, run);
  socket.on('counter:find', counter('counter:find', counterFindPayload, async (p) => orders.find(p.number)));
  socket.on('counter:pay', counter('counter:pay', counterPayPayload, (p) => ordering.counterPay(p, device.deviceId)));
  socket.on('counter:release', counter('counter:release', counterReleasePayload, (p) => ordering.counterRelease(p)));
  socket.on('order:cancel', counter('order:cancel', orderCancelPayload, (p) => orders.cancel(p.orderId)));
}
