// A terminal simulator: an HTTPS server on loopback speaking Adyen's encrypted Terminal API, with scriptable outcomes.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { majorToMinor } from '../amount.js';
import { SIMULATOR_CA_PATH, SIMULATOR_CERT_PATH, SIMULATOR_KEY_PATH } from './certs.js';
import { CryptoError, open, seal, type SecuredMessage, type SharedKey } from './envelope.js';
import {
  handleAbort, handlePayment, handleStatus, offlinePayment, type Exchange, type Held, type SimOutcome, type SimReversalOutcome, type SimState,
} from './handlers.js';
import { handleReconciliation } from './reconciliation.js';
import type { Json, SimReversal, SimTransaction } from './responses.js';
import { handleReversal } from './reversals.js';

export type { SimOutcome, SimReversalOutcome };

export interface SimulatorOptions extends SharedKey {
  port?: number;
  poiId: string;
}

export interface TerminalSimulator {
  url: string;
  caCertPath: string;
  poiId: string;
  script(outcome: SimOutcome): void;
  setDefault(outcome: SimOutcome): void;
  /** What the next reversal does; without one, it is made and answered. */
  scriptReversal(outcome: SimReversalOutcome): void;
  /**
   * An approved payment no sale system asked for (keyed in at the terminal, approved offline while the hub
   * was down): it counts in the terminal's totals. Amount in decimal major units, like SimTransaction.amount.
   */
  addOfflineTransaction(amount: number, currency?: string): SimTransaction;
  transactions: SimTransaction[];
  /** Every reversal made, in order, each with the payment it gives back from. */
  reversals: SimReversal[];
  /** Every SaleToPOIResponse sent, in clear, for tests that check it against the vendor's models. */
  responses: Json[];
  readonly requests: number;
  /** The category of every request it could read, in order: Payment, TransactionStatus, Reversal, Abort, Reconciliation. */
  received: string[];
  reopen(): Promise<void>;
  close(): Promise<void>;
}

export async function startTerminalSimulator(options: SimulatorOptions): Promise<TerminalSimulator> {
  const key: SharedKey = { passphrase: options.passphrase, keyIdentifier: options.keyIdentifier, keyVersion: options.keyVersion };
  const state: SimState = {
    poiId: options.poiId, queue: [], fallback: 'approve', transactions: [], held: new Set<Held>(), approvals: 0,
    reversals: [], reversalQueue: [], reconciliationId: 1000,
  };
  let requests = 0;
  const responses: Json[] = [];
  const received: string[] = [];

  const reply = (res: ServerResponse, header: Json, body: Json): void => {
    if (res.destroyed || res.writableEnded) return;
    const message = { SaleToPOIResponse: { MessageHeader: header, ...body } };
    responses.push(message);
    const secured = seal(header, JSON.stringify(message), key);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ SaleToPOIResponse: secured }));
  };

  const server: Server = createServer(
    { cert: readFileSync(SIMULATOR_CERT_PATH), key: readFileSync(SIMULATOR_KEY_PATH) },
    (req, res) => {
      serve(req, res).catch(() => { if (!res.headersSent) res.writeHead(500).end(); });
    },
  );

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    requests += 1;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let secured: SecuredMessage | undefined;
    try {
      secured = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { SaleToPOIRequest?: SecuredMessage }).SaleToPOIRequest;
    } catch {
      secured = undefined;
    }
    if (!secured?.NexoBlob || !secured.SecurityTrailer) {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: ['Nexo Service: not a secured message'] }));
      return;
    }
    let request: Json;
    try {
      request = (JSON.parse(open(secured, key)) as { SaleToPOIRequest: Json }).SaleToPOIRequest;
    } catch (error) {
      if (!(error instanceof CryptoError)) throw error;
      // What a real terminal answers to a wrong shared key.
      const serviceId = secured.MessageHeader.ServiceID;
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: ['Nexo Service: crypto error (9)'], ServiceID: serviceId }));
      return;
    }
    const header = request.MessageHeader as Json;
    received.push(String(header.MessageCategory));
    const exchange: Exchange = {
      request,
      respond: (body) => reply(res, { ...header, MessageClass: 'Service', MessageType: 'Response' }, body),
      drop: () => req.socket.destroy(),
    };
    if (request.PaymentRequest) handlePayment(state, exchange);
    else if (request.TransactionStatusRequest) handleStatus(state, exchange);
    else if (request.ReversalRequest) handleReversal(state, exchange);
    else if (request.ReconciliationRequest) handleReconciliation(state, exchange);
    else if (request.AbortRequest) {
      handleAbort(state, exchange);
      res.writeHead(200).end(); // a real terminal answers an abort with an empty body
    } else res.writeHead(400).end(JSON.stringify({ errors: ['Nexo Service: unsupported request'] }));
  }

  const listen = (port: number): Promise<number> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  const stopListening = (): Promise<void> =>
    new Promise((resolve) => {
      for (const held of state.held) held.cancel();
      state.held.clear();
      server.close(() => resolve());
      server.closeAllConnections();
    });

  const port = await listen(options.port ?? 0);
  const choose = (outcome: SimOutcome, apply: () => void): void => {
    if (outcome === 'unreachable') void stopListening();
    else apply();
  };
  return {
    url: `https://127.0.0.1:${port}`,
    caCertPath: SIMULATOR_CA_PATH,
    poiId: options.poiId,
    script: (outcome) => choose(outcome, () => state.queue.push(outcome)),
    setDefault: (outcome) => choose(outcome, () => { state.fallback = outcome; }),
    scriptReversal: (outcome) => { state.reversalQueue.push(outcome); },
    addOfflineTransaction: (amount, currency = 'DKK') => {
      majorToMinor(amount, currency); // throws for an amount no terminal would take
      return offlinePayment(state, amount, currency);
    },
    transactions: state.transactions,
    reversals: state.reversals,
    responses,
    get requests() { return requests; },
    received,
    reopen: async () => { if (!server.listening) await listen(port); },
    close: () => (server.listening ? stopListening() : Promise.resolve()),
  };
}
