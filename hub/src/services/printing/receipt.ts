/** Builds the receipt document of a sale just paid, from the store's configuration and the priced basket. */
import { buildReceipt, type ReceiptDocument } from '@selfserve/shared';
import type { Config } from '../../config.js';
import type { LanesDeps } from '../lanes/lanes.service.js';

/** Receipts show at most the last four digits of a card, whatever the terminal masked. */
export function lastFour(maskedPan: string | null): string | undefined {
  const digits = maskedPan?.replace(/\D/g, '') ?? '';
  return digits.length >= 4 ? `**** ${digits.slice(-4)}` : undefined;
}

export function receiptBuilder(config: Config, hasPrinter: (laneId: string) => boolean): LanesDeps['receipt'] {
  const laneNames = new Map(config.lanes.map((l) => [l.id, l.name]));
  const widths = new Map(config.lanes.map((l) => [l.id, l.printer?.width ?? 48]));
  return ({ laneId, saleId, number, basket, payment, time, order }): ReceiptDocument | null => {
    if (!hasPrinter(laneId)) return null;
    const maskedPan = lastFour(payment.maskedPan);
    return buildReceipt({
      store: { name: config.store.name, address: config.store.address, cvr: config.store.cvr },
      laneName: laneNames.get(laneId) ?? laneId,
      transactionId: saleId,
      transactionNumber: number,
      time,
      timeZone: config.store.timeZone,
      locale: config.store.locale === 'da-DK' ? 'da-DK' : 'en-GB',
      currency: basket.totals.currency,
      lines: basket.lines,
      adjustments: basket.adjustments,
      totals: basket.totals,
      payment: { method: payment.entryMode === 'cash' ? 'cash' : 'card', ...(payment.brand ? { brand: payment.brand } : {}), ...(maskedPan ? { maskedPan } : {}) },
      width: widths.get(laneId) ?? 48,
      ...(order ? { order: { number: order.number, dining: basket.dining } } : {}),
    });
  };
}
