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
  log: Logger;
  /** Pause between status questions while the outcome is unknown; doubles up to 30 s. */
  retryMs: number;
}

const verdict = (r: PaymentResult): PaymentOutcome => ({ state: r.state, reason: r.reason, brand: r.brand, maskedPan: r.maskedPan, entryMode: r.entryMode, result: r });

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
      this.deps.log.warn({ laneId: p.laneId, saleId: p.saleId, serviceId: p.serviceId }, 'resolving a payment left open by a stop');
      void this.resolve(toStart(p));
    }
  }

  stop(): void {
    this.stopped = true;
  }

  private async run(start: PaymentStart): Promise<void> {
    const terminal = this.deps.terminals(start.laneId);
    if (!terminal) return this.settle(start, failed('no payment terminal at this lane'));
    try {
      const result = await terminal.pay({ saleId: start.saleId, transactionId: start.saleId, serviceId: start.serviceId, amount: start.amount, currency: start.currency });
      await this.settle(start, verdict(result));
    } catch (err) {
      // Busy or unreachable: the terminal did not start this payment, so nothing can have been charged.
      if (err instanceof TerminalError && err.notStarted) {
        return this.settle(start, failed(err.reason === 'busy' ? 'the terminal is busy; try again' : 'the terminal cannot be reached'));
      }
      this.deps.log.warn({ err, laneId: start.laneId, saleId: start.saleId }, 'payment outcome unknown; asking the terminal');
      await this.resolve(start);
    }
  }

  /** Asks the terminal about the payment until it gives an answer; meanwhile the lane shows that the hub is checking. */
  private async resolve(start: PaymentStart): Promise<void> {
    await this.settle(start, { state: 'checking', reason: null });
    let wait = this.deps.retryMs;
    let offline = false;
    while (!this.stopped) {
      let answer: StatusResult | null = null;
      try {
        const terminal = this.deps.terminals(start.laneId);
        if (!terminal) throw new TerminalError('unreachable', 'no terminal configured');
        answer = await terminal.status({ saleId: start.saleId, serviceId: newServiceId(), originalServiceId: start.serviceId });
      } catch (err) {
        const unreachable = err instanceof TerminalError && err.reason === 'unreachable';
        if (unreachable !== offline) await this.settle(start, { state: unreachable ? 'offline' : 'checking', reason: (err as Error).message });
        offline = unreachable;
      }
      // Not found: the terminal never started it, so nothing was charged.
      if (answer?.state === 'not-found') return this.settle(start, failed('the terminal did not receive the payment'));
      if (answer && answer.state !== 'in-progress') return this.settle(start, verdict(answer));
      await new Promise((r) => setTimeout(r, wait).unref());
      wait = Math.min(wait * 2, 30_000);
    }
  }

  private async settle(start: PaymentStart, outcome: PaymentOutcome): Promise<void> {
    try {
      await this.deps.lanes.settlePayment(start.laneId, start.saleId, start.serviceId, outcome);
    } catch (err) {
      this.deps.log.error({ err, laneId: start.laneId, saleId: start.saleId, outcome: outcome.state }, 'could not record a payment outcome');
    }
  }
}

const failed = (reason: string): PaymentOutcome => ({ state: 'failed', reason, brand: null, maskedPan: null, entryMode: null, result: null });

const toStart = (p: OpenPayment): PaymentStart => ({ laneId: p.laneId, saleId: p.saleId, serviceId: p.serviceId, amount: p.amount, currency: p.currency });
