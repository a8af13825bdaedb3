/** Drives each lane's payment terminal: asks it to pay, and when an answer is lost, asks until it knows. */
import type { Logger } from 'pino';
import type { Database } from '../../storage/db.js';
import { salesRepository, type OpenPayment } from '../../storage/sales.repository.js';
import { TerminalError, type PaymentResult, type PaymentTerminal, type StatusResult } from '../../devices/payment/terminal.js';
import type { LanesService } from '../lanes/lanes.service.js';
import { newServiceId, type PaymentOutcome, type PaymentStart } from '../lanes/lane-checkout.js';

export interface PaymentsDeps {
  db: Database;
  lanes: LanesService;
  terminals: (laneId: string) => PaymentTerminal | null;
  /** nexo SaleID of this store's lanes: which POS system is asking. */
  posId: (laneId: string) => string;
  log: Logger;
  /** Pause between status questions while the outcome is unknown; doubles up to 30 s. */
  retryMs: number;
}

const verdict = (r: PaymentResult): PaymentOutcome => ({ state: r.state, reason: r.reason, brand: r.brand, maskedPan: r.maskedPan, result: r });

export class PaymentsService {
  private stopped = false;

  constructor(private readonly deps: PaymentsDeps) {
    deps.lanes.onPaymentStarted((start) => void this.run(start));
  }

  /**
   * Before the hub takes any request: every payment journaled as sent or unknown may have gone
   * through, so its lane waits (it is still in payment) until the terminal says what happened.
   */
  async recover(): Promise<void> {
    const open = await this.deps.db.tx((tx) => salesRepository.openPayments(tx));
    for (const p of open) {
      this.deps.log.warn({ saleId: p.saleId, serviceId: p.serviceId }, 'resolving a payment left open by a stop');
      void this.resolve(toStart(p));
    }
  }

  stop(): void {
    this.stopped = true;
  }

  private async run(start: PaymentStart): Promise<void> {
    const terminal = this.deps.terminals(start.laneId);
    if (!terminal) return this.settle(start, { state: 'failed', reason: 'no payment terminal at this lane', brand: null, maskedPan: null, result: null });
    try {
      const result = await terminal.pay({ saleId: this.deps.posId(start.laneId), transactionId: start.saleId, serviceId: start.serviceId, amount: start.amount, currency: start.currency });
      await this.settle(start, verdict(result));
    } catch (err) {
      if (err instanceof TerminalError && err.reason === 'busy') {
        return this.settle(start, { state: 'failed', reason: 'the terminal is busy; try again', brand: null, maskedPan: null, result: null });
      }
      this.deps.log.warn({ err, saleId: start.saleId }, 'payment outcome unknown; asking the terminal');
      await this.resolve(start);
    }
  }

  /** Asks the terminal about the payment until it gives an answer; the lane shows that the hub is checking. */
  private async resolve(start: PaymentStart): Promise<void> {
    let wait = this.deps.retryMs;
    for (let attempt = 0; !this.stopped; attempt++) {
      const terminal = this.deps.terminals(start.laneId);
      let answer: StatusResult | null = null;
      try {
        if (!terminal) throw new TerminalError('unreachable', 'no terminal configured');
        answer = await terminal.status({ saleId: this.deps.posId(start.laneId), serviceId: newServiceId(), originalServiceId: start.serviceId });
      } catch (err) {
        const offline = err instanceof TerminalError && err.reason === 'unreachable';
        if (attempt === 0 || offline) await this.settle(start, { state: offline ? 'offline' : 'checking', reason: (err as Error).message });
      }
      if (answer?.state === 'not-found') {
        // The terminal never started it: nothing was charged.
        return this.settle(start, { state: 'failed', reason: 'the terminal did not receive the payment', brand: null, maskedPan: null, result: null });
      }
      if (answer && answer.state !== 'in-progress') return this.settle(start, verdict(answer));
      if (answer && attempt === 0) await this.settle(start, { state: 'checking', reason: 'the payment is still in progress at the terminal' });
      await new Promise((r) => setTimeout(r, wait).unref());
      wait = Math.min(wait * 2, 30_000);
    }
  }

  private async settle(start: PaymentStart, outcome: PaymentOutcome): Promise<void> {
    try {
      await this.deps.lanes.settlePayment(start.laneId, start.saleId, start.serviceId, outcome);
    } catch (err) {
      this.deps.log.error({ err, saleId: start.saleId, outcome: outcome.state }, 'could not record a payment outcome');
    }
  }
}

const toStart = (p: OpenPayment): PaymentStart => ({ laneId: p.laneId, saleId: p.saleId, serviceId: p.serviceId, amount: p.amount, currency: p.currency });
