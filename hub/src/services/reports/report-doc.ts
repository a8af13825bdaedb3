/** A day report as a printable document for the back office's printer (Danish, like the books). */
import { formatAmount, formatDateTime, formatRate, type DayReport, type ReceiptBlock, type ReceiptDocument } from '@selfserve/shared';

export function reportDocument(r: DayReport, timeZone: string, width: number): ReceiptDocument {
  const kr = (minor: number) => formatAmount(minor, 'DKK', 'da-DK');
  const row = (left: string, right: string, bold = false): ReceiptBlock => ({ kind: 'row', left, right, bold });
  const count = (label: string, c: { count: number; amount: number }) => row(`${label} (${c.count})`, kr(c.amount));
  const blocks: ReceiptBlock[] = [
    { kind: 'text', text: `${r.kind}-RAPPORT${r.number !== null ? ` NR. ${r.number}` : ''}`, align: 'center', bold: true, size: 'double' },
    { kind: 'text', text: r.laneId ? `Kasse ${r.laneId}` : 'Hele butikken', align: 'center' },
    row('Dag', r.day),
    row('Fra', r.from ? formatDateTime(r.from, timeZone, 'da-DK') : 'start'),
    row('Til', formatDateTime(r.to, timeZone, 'da-DK')),
    row('Journal', r.journal.firstSeq === null ? 'ingen poster' : `${r.journal.firstSeq}–${r.journal.lastSeq}`),
    { kind: 'rule' },
    count('Salg', r.sales),
    count('  kort', r.sales.byMethod.card),
    count('  kontant', r.sales.byMethod.cash),
    ...r.sales.byVat.map((v) => row(`  moms ${formatRate(v.rate, 'da-DK')}`, `${kr(v.vat)} af ${kr(v.gross)}`)),
    count('Retur', r.refunds),
    count('  til kort', r.refunds.byMethod.card),
    count('  kontant', r.refunds.byMethod.cash),
    count('Annulleringer', r.voids),
    count('Afbrudte kurve', r.cancelled),
    count('Prisændringer', r.overrides),
    row('Pant opkrævet', kr(r.deposits.charged)),
    count('Pantbonner', r.deposits.vouchers),
    row('Kasser åbnet / lukket', `${r.lanes.opened} / ${r.lanes.closed}`),
    { kind: 'rule' },
    row('Netto kort', kr(r.net.card), true),
    row('Netto kontant', kr(r.net.cash), true),
    ...r.terminals.flatMap((t): ReceiptBlock[] => [
      { kind: 'rule' },
      row(`Terminal ${t.laneId}`, t.difference === null ? '' : t.difference === 0 ? 'stemmer' : `DIFFERENCE ${kr(t.difference)}`, t.difference !== null && t.difference !== 0),
      row('  vores kort', kr(t.ours.payments.amount - t.ours.reversals.amount)),
      t.terminal ? row('  terminalens', kr(t.terminal.payments.amount - t.terminal.reversals.amount)) : { kind: 'text', text: `  ${t.error ?? ''}` },
    ]),
    { kind: 'feed', lines: 1 },
  ];
  return { width, blocks };
}
