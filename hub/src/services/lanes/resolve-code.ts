/** Turns a scanned code into what it means at a lane: an item line, a loyalty card or a coupon. */
import { DomainError, parseBarcode, parseDepositVoucher, type BarcodeOk, type Member, type ParseOptions, type Product, type VoucherFormat } from '@selfserve/shared';
import type { CatalogService } from '../catalog/catalog.service.js';

export type Resolution =
  | { type: 'item'; product: Product; quantity: number; weightGrams: number | null; labelPrice: number | null }
  | { type: 'member'; member: Member }
  | { type: 'coupon'; code: string }
  | { type: 'voucher'; code: string; amount: number };

export interface ScanIntent {
  code: string;
  quantity?: number | undefined;
  weightGrams?: number | undefined;
}

export function resolveCode(intent: ScanIntent, catalog: CatalogService, options: ParseOptions, vouchers?: VoucherFormat): Resolution {
  // The reverse vending machine's vouchers come first: their prefix (98, 99) is GS1's coupon range.
  const voucher = vouchers ? parseDepositVoucher(intent.code, vouchers) : null;
  if (voucher?.ok) return { type: 'voucher', code: voucher.code, amount: voucher.amount };
  if (voucher?.reason === 'bad-check-digit') throw new DomainError('invalid-barcode', 'this deposit voucher did not scan right (check digit): scan it again', { reason: 'check-digit' });
  const parsed = parseBarcode(intent.code, options);
  if (!parsed.ok) throw new DomainError('invalid-barcode', parsed.message, { reason: parsed.reason });
  switch (parsed.kind) {
    case 'loyalty': {
      const member = catalog.memberByCardId(parsed.id);
      if (!member) throw new DomainError('unknown-item', 'this loyalty card is not known', { kind: 'loyalty' });
      return { type: 'member', member };
    }
    case 'coupon': {
      const coupon = catalog.couponById(parsed.id);
      if (!coupon) throw new DomainError('unknown-item', 'this coupon is not known or has expired', { kind: 'coupon' });
      return { type: 'coupon', code: coupon.code };
    }
    case 'staff':
      throw new DomainError('not-allowed', 'staff badges are used at the attendant station', { kind: 'staff' });
    case 'sscc':
    case 'gln':
      throw new DomainError('not-sellable', `this is a ${parsed.kind.toUpperCase()}, not an item for sale`, { kind: parsed.kind });
    default:
      return item(parsed, intent, catalog);
  }
}

function item(parsed: BarcodeOk, intent: ScanIntent, catalog: CatalogService): Resolution {
  let product: Product | undefined;
  let weightGrams: number | null = null;
  let labelPrice: number | null = null;
  let quantity = intent.quantity ?? 1;
  if (parsed.kind === 'gtin') product = catalog.byGtin14(parsed.gtin14);
  else if (parsed.kind === 'plu') product = catalog.byPlu(parsed.plu);
  else if (parsed.kind === 'rcn') {
    product = catalog.byRcnItem(parsed.itemCode) ?? catalog.byGtin14(parsed.gtin14);
    weightGrams = parsed.weightGrams ?? null;
    labelPrice = parsed.priceMinor ?? null;
  } else if (parsed.kind === 'gs1') {
    product = parsed.gtin14 ? catalog.byGtin14(parsed.gtin14) : undefined;
    weightGrams = parsed.weightGrams ?? null;
    labelPrice = parsed.priceMinor ?? null;
    if (parsed.count && intent.quantity === undefined) quantity = parsed.count;
  }
  if (!product) throw new DomainError('unknown-item', 'no item in the catalog has this code');
  if (product.unit === 'kg') {
    weightGrams ??= intent.weightGrams ?? null;
    if (weightGrams === null && labelPrice === null) throw new DomainError('weight-required', `${product.name.da} is sold by weight: weigh it first`);
    quantity = 1;
  } else if (weightGrams !== null && labelPrice === null) {
    throw new DomainError('not-sellable', 'a weight label on an item sold by the piece');
  }
  return { type: 'item', product, quantity, weightGrams, labelPrice };
}
