/** Turns parsed GS1 elements into a result: an SSCC, a GLN, or a trade item with derived weight, price, expiry… */
import { toIsoDate } from './gs1-dates.js';
import { failure, success, type Outcome } from './outcome.js';
import type { BarcodePayload, Gs1Element } from './types.js';

type Gs1Payload = Extract<BarcodePayload, { kind: 'gs1' }>;

const GLN_AIS = new Set(['410', '411', '412', '413', '414', '415', '416', '417']);

/** value / 10^shift, rounded half away from zero (values are never negative here). */
function scaleDown(value: bigint, shift: number): bigint {
  const divisor = 10n ** BigInt(shift);
  return (value * 2n + divisor) / (divisor * 2n);
}

/** A decimal amount with `decimals` places expressed in units of 10^-target (grams of kg: 3; cents: 2). */
function toUnits(digits: string, decimals: number, target: number): number | undefined {
  const value = BigInt(digits);
  const units = decimals <= target ? value * 10n ** BigInt(target - decimals) : scaleDown(value, decimals - target);
  return units <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(units) : undefined;
}

/** The element whose AI starts with `family` (e.g. '310' → 3100–3105), with the decimals it implies. */
function decimalElement(elements: Gs1Element[], family: string): { digits: string; decimals: number } | undefined {
  const found = elements.find((e) => e.ai.length === 4 && e.ai.startsWith(family));
  return found ? { digits: found.value, decimals: Number(found.ai.charAt(3)) } : undefined;
}

function derivePrice(elements: Gs1Element[]): Outcome<number | undefined> {
  // 392n is the amount; 393n starts with a 3-digit ISO 4217 currency code. Minor units assume a
  // 2-decimal currency (DKK, EUR, SEK, NOK, GBP).
  const plain = decimalElement(elements, '392');
  const withCurrency = decimalElement(elements, '393');
  const amount = plain ?? (withCurrency && { digits: withCurrency.digits.slice(3), decimals: withCurrency.decimals });
  if (!amount) return success(undefined);
  const minor = toUnits(amount.digits, amount.decimals, 2);
  return minor === undefined ? failure('bad-value', `The price ${amount.digits} is too large to handle.`) : success(minor);
}

function deriveTradeItem(elements: Gs1Element[], source: Gs1Payload['source']): Outcome<Gs1Payload> {
  const value = (ai: string): string | undefined => elements.find((e) => e.ai === ai)?.value;
  const payload: Gs1Payload = { kind: 'gs1', source, elements };
  const gtin14 = value('01') ?? value('02');
  if (gtin14 !== undefined) payload.gtin14 = gtin14;
  const weight = decimalElement(elements, '310');
  if (weight) payload.weightGrams = toUnits(weight.digits, weight.decimals, 3) ?? 0; // N6 always fits
  const price = derivePrice(elements);
  if (!price.ok) return price;
  if (price.value !== undefined) payload.priceMinor = price.value;
  const count = value('30') ?? value('37');
  if (count !== undefined) payload.count = Number(count);
  const expiry = value('17');
  if (expiry !== undefined) payload.expiry = toIsoDate(expiry);
  const batch = value('10');
  if (batch !== undefined) payload.batch = batch;
  return success(payload);
}

/**
 * Only an SSCC (AI 00 alone) is an 'sscc'; only location numbers (AIs 410–417) are a 'gln' (the
 * first one); anything else is a 'gs1' trade item with every element kept.
 */
export function elementsToPayload(elements: Gs1Element[], source: Gs1Payload['source']): Outcome<BarcodePayload> {
  const [first] = elements;
  if (first && elements.length === 1 && first.ai === '00') return success({ kind: 'sscc', sscc: first.value });
  if (first && elements.every((e) => GLN_AIS.has(e.ai))) return success({ kind: 'gln', gln: first.value });
  return deriveTradeItem(elements, source);
}
