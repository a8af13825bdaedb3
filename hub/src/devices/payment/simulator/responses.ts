// Builds the terminal's answers as plain nexo JSON, shaped like a real Adyen terminal's (never a full PAN).

export type Json = Record<string, unknown>;

export interface SimTransaction {
  saleId: string;
  serviceId: string;
  transactionId: string;
  /** Decimal major units, as requested. */
  amount: number;
  currency: string;
  state: 'in-progress' | 'approved' | 'declined' | 'cancelled' | 'aborted' | 'failed';
  poiTransactionId: string;
  poiTimestamp: string;
  /** The card brand the terminal reported, once approved. */
  brand: string | null;
  /** The reconciliation period the approval counts in, once approved. */
  poiReconciliationId: string | null;
  /** Decimal major units given back so far, over all its reversals. */
  reversedAmount: number;
  /** True once reversed in full. */
  reversed: boolean;
  /** The full SaleToPOIResponse once the payment has ended, for TransactionStatus to repeat. */
  response: Json | null;
}

/** A reversal the terminal made (refused ones are not recorded). */
export interface SimReversal {
  originalPoiTransactionId: string;
  /** Decimal major units given back, as on the wire (like SimTransaction.amount). */
  amount: number;
  currency: string;
  /** The reversal's own id and time. */
  poiTransactionId: string;
  poiTimestamp: string;
  serviceId: string;
  saleId: string;
  /** The original payment's card brand. */
  brand: string | null;
  /** The reconciliation period the reversal counts in. */
  poiReconciliationId: string;
}

const CARDS = [
  { PaymentBrand: 'mc', MaskedPan: '541333 **** 9999', CardCountryCode: '208' },
  { PaymentBrand: 'visa', MaskedPan: '411111 **** 1111', CardCountryCode: '208' },
] as const;

/** The brand of the card the terminal reads for its n-th approval: the simulator takes turns. */
export function simulatedBrand(approvals: number): string {
  return (CARDS[approvals % CARDS.length] ?? CARDS[0]).PaymentBrand;
}

export function responseHeader(request: Json, category?: string): Json {
  return { ...request, MessageClass: 'Service', MessageType: 'Response', ...(category ? { MessageCategory: category } : {}) };
}

function additional(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** The PaymentResponse body for an ended payment. */
export function paymentResponse(tx: SimTransaction, poiId: string, approvals: number): Json {
  const saleData = { SaleTransactionID: { TransactionID: tx.transactionId, TimeStamp: tx.poiTimestamp } };
  const poiData = { POITransactionID: { TransactionID: tx.poiTransactionId, TimeStamp: tx.poiTimestamp } };
  if (tx.state !== 'approved') {
    const failure = {
      declined: { ErrorCondition: 'Refusal', message: 'Not approved', refusalReason: '05 : Not approved' },
      cancelled: { ErrorCondition: 'Cancel', message: 'Cancelled by customer', refusalReason: 'Cancelled' },
      aborted: { ErrorCondition: 'Aborted', message: 'Aborted by the sale system', refusalReason: 'Aborted' },
      failed: { ErrorCondition: 'UnavailableService', message: 'Acquirer unavailable', refusalReason: 'Unavailable' },
      'in-progress': { ErrorCondition: 'InProgress', message: 'In progress', refusalReason: 'InProgress' },
    }[tx.state];
    const { ErrorCondition, ...rest } = failure;
    return {
      Response: { Result: 'Failure', ErrorCondition, AdditionalResponse: additional(rest) },
      SaleData: saleData,
      POIData: poiData,
    };
  }
  const card = CARDS.find((c) => c.PaymentBrand === tx.brand) ?? CARDS[approvals % CARDS.length] ?? CARDS[0];
  const approvalCode = String(100000 + ((approvals * 7919) % 900000));
  return {
    Response: {
      Result: 'Success',
      AdditionalResponse: additional({ tid: poiId.split('-')[1] ?? '', paymentMethod: card.PaymentBrand, posAuthAmountCurrency: tx.currency }),
    },
    SaleData: saleData,
    POIData: { ...poiData, POIReconciliationID: tx.poiReconciliationId ?? undefined },
    PaymentResult: {
      PaymentType: 'Normal',
      OnlineFlag: true,
      AuthenticationMethod: ['OnlinePIN'],
      AmountsResp: { AuthorizedAmount: tx.amount, Currency: tx.currency },
      PaymentInstrumentData: {
        PaymentInstrumentType: 'Card',
        CardData: { EntryMode: ['Contactless'], ...card },
      },
      PaymentAcquirerData: {
        AcquirerPOIID: poiId,
        MerchantID: 'SelfserveTestMerchant',
        AcquirerTransactionID: { TransactionID: tx.poiTransactionId.slice(0, 16), TimeStamp: tx.poiTimestamp },
        ApprovalCode: approvalCode,
      },
    },
  };
}

export function failure(condition: string, message: string): Json {
  return { Result: 'Failure', ErrorCondition: condition, AdditionalResponse: additional({ message }) };
}
