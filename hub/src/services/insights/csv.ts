/**
 * The insights as one CSV file a spreadsheet opens as it is: a block per section, each with its own
 * header row, blocks apart by an empty line. The first column names the section in every row (the
 * header's says "section"), so a filter on it picks one table. RFC 4180 (CRLF, quoted where needed),
 * UTF-8 with a byte-order mark so spreadsheet programs read æ, ø and å right. Money in minor units
 * (øre) and shares as 0..1 with a decimal point, as in the JSON.
 */
import type { LocalizedText, StoreInsights } from '@selfserve/shared';

type Cell = string | number | null;

/** Quotes a field holding a comma, quote or line break; a text a spreadsheet would run as a formula gets a leading '. */
function field(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function block(section: string, columns: readonly string[], rows: readonly Cell[][]): string[] {
  return [['section', ...columns], ...rows.map((r) => [section, ...r])].map((r) => r.map(field).join(','));
}

export function insightsCsv(i: StoreInsights, lang = 'da'): string {
  const name = (t: LocalizedText) => t[lang] ?? t.da;
  const blocks = [
    block('range', ['from', 'to', 'timeZone', 'currency'], [[i.from, i.to, i.timeZone, i.currency]]),
    block('sales', ['count', 'total', 'discount', 'averageBasket', 'itemsPerBasket'], [[i.sales.count, i.sales.total, i.sales.discount, i.sales.averageBasket, i.sales.itemsPerBasket]]),
    block('members', ['salesWithMember', 'totalWithMember', 'share', 'revenueShare'], [[i.members.salesWithMember, i.members.totalWithMember, i.members.share, i.members.revenueShare]]),
    block('byHour', ['hour', 'count', 'total'], i.byHour.map((h) => [h.hour, h.count, h.total])),
    block('byDay', ['day', 'count', 'total'], i.byDay.map((d) => [d.day, d.count, d.total])),
    block('topItems', ['rank', 'productId', 'name', 'quantity', 'weightGrams', 'total'], i.topItems.map((t, k) => [k + 1, t.productId, name(t.name), t.quantity, t.weightGrams, t.total])),
    block('campaigns', ['campaignId', 'name', 'redemptions', 'discount'], i.campaigns.map((c) => [c.campaignId, name(c.name), c.redemptions, c.discount])),
    block('interventions', ['reason', 'count', 'resolvedCount', 'medianSecondsToResolve'], i.interventions.map((r) => [r.reason, r.count, r.resolvedCount, r.medianSecondsToResolve])),
    block('lanes', ['laneId', 'name', 'sales', 'total', 'visits', 'cancelled', 'busyMinutes', 'utilisation'], i.lanes.map((l) => [l.laneId, l.name, l.sales, l.total, l.visits, l.cancelled, l.busyMinutes, l.utilisation])),
  ];
  return '\uFEFF' + blocks.map((b) => b.join('\r\n')).join('\r\n\r\n') + '\r\n';
}
