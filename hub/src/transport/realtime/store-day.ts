/** Store-day events on a socket: returns and refunds (at a station or a lane's staff menu), X and Z reports (at a station). */
import { reportsListPayload, reportsXPayload, reportsZPayload, returnsFindPayload, returnsQuotePayload, returnsRefundPayload } from '@selfserve/shared';
import type { RefundsService } from '../../services/refunds/refunds.service.js';
import type { ReportsService } from '../../services/reports/reports.service.js';
import { staffHandler, type HandlerContext } from './handle.js';
import type { HubSocket } from './index.js';

export interface StoreDayRealtimeDeps {
  refunds: RefundsService;
  reports: ReportsService;
}

export function attachStoreDayEvents(socket: HubSocket, ctx: HandlerContext, deps: StoreDayRealtimeDeps): void {
  const { refunds, reports } = deps;
  const { device } = ctx;
  socket.on('returns:find', staffHandler(ctx, 'returns:find', returnsFindPayload, { action: 'sale:refund' }, (p) => refunds.find(p.code)));
  socket.on('returns:quote', staffHandler(ctx, 'returns:quote', returnsQuotePayload, { action: 'sale:refund' }, (p) => refunds.quote(p.saleId, p.lines)));
  socket.on(
    'returns:refund',
    staffHandler(ctx, 'returns:refund', returnsRefundPayload, { action: 'sale:refund' }, (p, s) =>
      refunds.refund(p, { staffId: s.staff.id, deviceId: device.deviceId, laneId: device.kind === 'kiosk' ? device.laneId : null }),
    ),
  );
  socket.on('reports:x', staffHandler(ctx, 'reports:x', reportsXPayload, { action: 'reports:read', stationOnly: true }, (p, s) => reports.x(p.laneId ?? null, s.staff.id)));
  socket.on('reports:z', staffHandler(ctx, 'reports:z', reportsZPayload, { action: 'reports:close', stationOnly: true }, (p, s) => reports.z(p.laneId ?? null, s.staff.id)));
  socket.on('reports:list', staffHandler(ctx, 'reports:list', reportsListPayload, { action: 'reports:read', stationOnly: true }, () => reports.list()));
}
