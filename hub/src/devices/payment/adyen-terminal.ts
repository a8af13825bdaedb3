// The Adyen driver: our PaymentTerminal over the Terminal API, local and encrypted, through @adyen/api-library.
import adyen from '@adyen/api-library';
import type { Types } from '@adyen/api-library';
import { majorToMinor, minorToMajor } from './amount.js';
import { classify, outcomeOf, readableReason, safeMaskedPan, type NexoResponse } from './adyen-errors.js';
import { totalsOf } from './adyen-totals.js';
import {
  TerminalError, type AbortRequest, type PaymentRequest, type PaymentResult, type PaymentTerminal,
  type ReversalRequest, type StatusRequest, type StatusResult, type TerminalTotals, type TotalsRequest,
} from './terminal.js';

// The package is CommonJS and Node's ESM loader sees only a few of its named exports: go through the default.
const { Client, Config, EnvironmentEnum, TerminalLocalAPI } = adyen;
const { MessageCategoryType: Category, MessageClassType, MessageType, MessageReference, ReconciliationType, ReversalReasonType } =
  adyen.Types.terminal;
type T = typeof Types.terminal;
type TerminalApiRequest = InstanceType<T['TerminalApiRequest']>;
type SaleToPOIResponse = InstanceType<T['SaleToPOIResponse']>;
type PaymentResponse = InstanceType<T['PaymentResponse']>;
type MessageCategory = T['MessageCategoryType'][keyof T['MessageCategoryType']];

export interface AdyenTerminalConfig {
  /** https://host:port of the terminal (port 8443 on a real one). */
  endpoint: string;
  /** The terminal's POIID, '<model>-<serial>', e.g. 'V400m-324688179'. */
  poiId: string;
  /** Our sale system's nexo SaleID (one per lane); every MessageHeader and MessageReference carries it. */
  saleId: string;
  key: { identifier: string; version: number; passphrase: string };
  /** The CA that signed the terminal's certificate (Adyen's terminal root, or the simulator's). */
  caCertPath: string;
  /** How long a customer may take at the terminal. */
  timeoutMs?: number;
}

export class AdyenTerminal implements PaymentTerminal {
  private readonly api: InstanceType<typeof TerminalLocalAPI>;
  private readonly timeoutMs: number;

  constructor(private readonly config: AdyenTerminalConfig) {
    this.timeoutMs = config.timeoutMs ?? 150_000;
    // The library appends ':8443/nexo/' and sends only the pathname, so '/nexo/?' swallows the suffix.
    const base = new URL(config.endpoint);
    const endpoint = base.port && base.port !== '8443' ? `${base.origin}/nexo/?` : `${base.protocol}//${base.hostname}`;
    const clientConfig = new Config({
      environment: EnvironmentEnum.TEST, // unused for local calls; endpoint and certificate decide
      apiKey: 'unused', // required by the library even though a terminal ignores it
      connectionTimeoutMillis: this.timeoutMs,
      terminalApiLocalEndpoint: endpoint,
      certificatePath: config.caCertPath,
    });
    this.api = new TerminalLocalAPI(new Client(clientConfig));
  }

  async pay(r: PaymentRequest): Promise<PaymentResult> {
    const response = await this.call(Category.Payment, r.serviceId, {
      PaymentRequest: {
        SaleData: {
          SaleTransactionID: { TransactionID: r.transactionId, TimeStamp: new Date().toISOString() },
          SaleReferenceID: r.saleId,
        },
        PaymentTransaction: { AmountsReq: { Currency: r.currency, RequestedAmount: minorToMajor(r.amount, r.currency) } },
      },
    });
    return this.paymentResult(response.PaymentResponse, r.currency);
  }

  async status(r: StatusRequest): Promise<StatusResult> {
    const response = await this.call(Category.TransactionStatus, r.serviceId, {
      TransactionStatusRequest: { MessageReference: this.reference(r.originalServiceId) },
    });
    const status = response.TransactionStatusResponse;
    const condition = status?.Response.ErrorCondition as unknown;
    if (condition === 'NotFound') return { state: 'not-found' };
    if (condition === 'InProgress') return { state: 'in-progress' };
    const repeated = status?.RepeatedMessageResponse;
    if (status?.Response.Result as unknown !== 'Success' || !repeated) {
      throw new TerminalError('protocol', `transaction status failed: ${readableReason(status?.Response as NexoResponse)}`);
    }
    if (repeated.MessageHeader.ServiceID !== r.originalServiceId) {
      throw new TerminalError('protocol', `status answered for ServiceID ${repeated.MessageHeader.ServiceID}`);
    }
    return this.paymentResult(repeated.RepeatedResponseMessageBody.PaymentResponse, null);
  }

  async abort(r: AbortRequest): Promise<void> {
    await this.call(Category.Abort, r.serviceId, {
      AbortRequest: { AbortReason: 'MerchantAbort', MessageReference: this.reference(r.originalServiceId) },
    });
  }

  async reverse(r: ReversalRequest): Promise<PaymentResult> {
    const response = await this.call(Category.Reversal, r.serviceId, {
      ReversalRequest: {
        OriginalPOITransaction: { POITransactionID: { TransactionID: r.poiTransactionId, TimeStamp: r.poiTimestamp } },
        ReversalReason: ReversalReasonType.MerchantCancel,
        ReversedAmount: minorToMajor(r.amount, r.currency),
      },
    });
    const reversal = response.ReversalResponse;
    const outcome = outcomeOf(reversal?.Response as NexoResponse);
    if (outcome === 'busy') throw new TerminalError('busy', 'terminal busy; the reversal was not started');
    const id = reversal?.POIData?.POITransactionID;
    return {
      state: outcome, reason: readableReason(reversal?.Response as NexoResponse),
      amount: outcome === 'approved' ? toMinor(reversal?.ReversedAmount ?? minorToMajor(r.amount, r.currency), r.currency) : null,
      brand: null, maskedPan: null, entryMode: null, poiTransactionId: id?.TransactionID ?? null, poiTimestamp: id?.TimeStamp ?? null, authCode: null,
    };
  }

  async totals(r: TotalsRequest): Promise<TerminalTotals> {
    const response = await this.call(Category.Reconciliation, r.serviceId, {
      ReconciliationRequest: { ReconciliationType: ReconciliationType.SaleReconciliation },
    });
    const reconciliation = response.ReconciliationResponse;
    const outcome = outcomeOf(reconciliation?.Response as NexoResponse);
    if (outcome === 'busy') throw new TerminalError('busy', 'terminal busy; the reconciliation period was not closed');
    if (!reconciliation || outcome !== 'approved') {
      const why = reconciliation ? readableReason(reconciliation.Response as NexoResponse) : 'no ReconciliationResponse';
      throw new TerminalError('protocol', `terminal refused the reconciliation: ${why}`);
    }
    return totalsOf(reconciliation);
  }

  private reference(originalServiceId: string) {
    return { MessageCategory: MessageReference.MessageCategoryEnum.Payment, SaleID: this.config.saleId, ServiceID: originalServiceId };
  }

  /** One exchange; the answer must be for our ServiceID and category, or it is not ours to trust. */
  private async call(category: MessageCategory, serviceId: string, body: object): Promise<SaleToPOIResponse> {
    if (serviceId.length < 1 || serviceId.length > 10) throw new RangeError(`ServiceID must be 1–10 characters: '${serviceId}'`);
    const request = {
      SaleToPOIRequest: {
        MessageHeader: {
          ProtocolVersion: '3.0', MessageClass: MessageClassType.Service, MessageCategory: category,
          MessageType: MessageType.Request, SaleID: this.config.saleId, ServiceID: serviceId, POIID: this.config.poiId,
        },
        ...body,
      },
    } as TerminalApiRequest;
    const key = { KeyIdentifier: this.config.key.identifier, KeyVersion: this.config.key.version, AdyenCryptoVersion: 1, Passphrase: this.config.key.passphrase };
    const started = Date.now();
    let guard: NodeJS.Timeout | undefined;
    try {
      // The library's socket timeout should fire first; this guard catches a request that never settles.
      const late = new Promise<never>((_, reject) => {
        guard = setTimeout(() => reject(new TerminalError('timeout', `no answer within ${this.timeoutMs} ms`)), this.timeoutMs + 2000);
      });
      const answer = await Promise.race([this.api.request(request, key), late]);
      const response = answer.SaleToPOIResponse;
      if (category === Category.Abort) return response ?? ({} as SaleToPOIResponse);
      const header = response?.MessageHeader;
      if (!header) throw new TerminalError('protocol', 'terminal answered without a SaleToPOIResponse');
      if (header.ServiceID !== serviceId || header.MessageCategory !== category || header.POIID !== this.config.poiId) {
        throw new TerminalError('protocol', `answer for ${header.POIID}/${header.MessageCategory}/${header.ServiceID}, not ${category}/${serviceId}`);
      }
      return response;
    } catch (error) {
      throw classify(error, Date.now() - started, this.timeoutMs);
    } finally {
      clearTimeout(guard);
    }
  }

  private paymentResult(payment: PaymentResponse | undefined, currency: string | null): PaymentResult {
    if (!payment) throw new TerminalError('protocol', 'terminal answered without a PaymentResponse');
    const outcome = outcomeOf(payment.Response as NexoResponse);
    if (outcome === 'busy') throw new TerminalError('busy', 'terminal busy; the payment was not started');
    const result = payment.PaymentResult;
    const card = result?.PaymentInstrumentData?.CardData;
    const amounts = result?.AmountsResp;
    const amountCurrency = amounts?.Currency ?? currency;
    const id = payment.POIData?.POITransactionID;
    return {
      state: outcome,
      reason: readableReason(payment.Response as NexoResponse),
      amount: amounts && amountCurrency ? toMinor(amounts.AuthorizedAmount, amountCurrency) : null,
      brand: card?.PaymentBrand ?? new URLSearchParams(payment.Response.AdditionalResponse ?? '').get('paymentMethod'),
      maskedPan: safeMaskedPan(card?.MaskedPan),
      entryMode: (card?.EntryMode as string[] | undefined)?.[0] ?? null,
      poiTransactionId: id?.TransactionID ?? null,
      poiTimestamp: id?.TimeStamp ?? null,
      authCode: result?.PaymentAcquirerData?.ApprovalCode ?? null,
    };
  }
}

/** An amount the terminal sent that we cannot read exactly is reported as unknown, never guessed. */
function toMinor(major: number, currency: string): number | null {
  try {
    return majorToMinor(major, currency);
  } catch {
    return null;
  }
}
