/** Public API of the barcode module: parse scanned codes and work with GTIN check digits. */
export { parseBarcode, MAX_INPUT_LENGTH } from './parse-barcode.js';
export { gtinCheckDigit, isValidGtin, toGtin14 } from './check-digit.js';
export { expandUpcE } from './upc-e.js';
export { priceCheckDigit } from './price-check-digit.js';
export { DEFAULT_OWN_PREFIXES, validateOwnPrefixes } from './own-codes.js';
export { RCN_RULES, type RcnCountryRules, type RcnLayout } from './rcn-rules.js';
export { GS1_AI_ROWS, type AiRow, type AiCharset, type AiDateFormat } from './gs1-ai-table.js';
export type {
  BarcodeError,
  BarcodeErrorReason,
  BarcodeOk,
  BarcodePayload,
  BarcodeResult,
  Gs1Element,
  OwnCodePrefixes,
  ParseOptions,
  RcnCountry,
} from './types.js';
export { parseDepositVoucher, type VoucherFormat, type VoucherParse } from './deposit-voucher.js';
