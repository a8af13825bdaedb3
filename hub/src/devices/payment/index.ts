// The payment terminal device: the brand-neutral interface, the Adyen driver and amount conversion.
export {
  TerminalError, type AbortRequest, type PaymentRequest, type PaymentResult, type PaymentTerminal,
  type ReversalRequest, type StatusRequest, type StatusResult, type TerminalErrorReason, type TerminalTotals,
  type TotalsRequest,
} from './terminal.js';
export { AdyenTerminal, type AdyenTerminalConfig } from './adyen-terminal.js';
export { currencyExponent, majorToMinor, minorToMajor } from './amount.js';
