/**
 * A checkout scale on a TCP port speaking MT-SICS level 0 (`S`, `SI`, `Z`, `I4`, `@`), with a weight
 * and state that tests and the demo set, so the real driver is what reads it.
 * Run alone: `node hub/dist/devices/scale/simulator.js --port 4001`, then type a weight in grams
 * ("150"), "~148" for a moving weight, "over", "under" or "ok".
 */
import { closeServer, listen, listenArgs } from '../tcp-simulator.js';
import { createServer, type Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { weightLine } from './sics-format.js';

export type SimulatedScaleState = 'ok' | 'overload' | 'underload';

export interface ScaleSimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  serialNumber?: string;
  /** How long `S` waits for a moving weight to settle before answering `S I`, as a real scale does. */
  settleTimeoutMs?: number;
}

export interface ScaleSimulator {
  port: number;
  setWeight(grams: number, options?: { stable?: boolean }): void;
  setState(state: SimulatedScaleState): void;
  /** Commands received so far, all connections together. */
  readonly requests: number;
  close(): Promise<void>;
}

export async function startScaleSimulator(options: ScaleSimulatorOptions = {}): Promise<ScaleSimulator> {
  const serial = options.serialNumber ?? '0123456789';
  const settleTimeoutMs = options.settleTimeoutMs ?? 1000;
  let grams = 0;
  let stable = true;
  let state: SimulatedScaleState = 'ok';
  let requests = 0;
  const sockets = new Set<Socket>();
  const changed = new Set<() => void>();
  const notify = () => {
    for (const listener of [...changed]) listener();
  };

  const weightAnswer = (): string => (state === 'overload' ? 'S +' : state === 'underload' ? 'S -' : weightLine(grams, stable));

  /** Resolves once the weight is stable (or out of range, which needs no settling), or after the limit. */
  const settled = (): Promise<boolean> =>
    new Promise((resolve) => {
      const check = () => {
        if (!stable && state === 'ok') return;
        done(true);
      };
      const timer = setTimeout(() => done(false), settleTimeoutMs);
      function done(ok: boolean) {
        clearTimeout(timer);
        changed.delete(check);
        resolve(ok);
      }
      changed.add(check);
      check();
    });

  const answer = async (command: string): Promise<string> => {
    switch (command) {
      case 'SI':
        return weightAnswer();
      case 'S':
        return (await settled()) ? weightAnswer() : 'S I';
      case 'Z':
        if (state !== 'ok') return state === 'overload' ? 'Z +' : 'Z -';
        if (!(await settled())) return 'Z I';
        grams = 0;
        return 'Z A';
      case 'I4':
      case '@': // a reset answers with the serial number, as after power-on
        return `I4 A "${serial}"`;
      default:
        return 'ES';
    }
  };

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.setEncoding('latin1');
    socket.setNoDelay(true);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffer = '';
    // A scale answers commands one after another, in the order they came.
    let queue = Promise.resolve();
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n')) >= 0) {
        const command = buffer.slice(0, end).replace(/\r$/, '').trim();
        buffer = buffer.slice(end + 1);
        if (command === '') continue;
        requests++;
        queue = queue.then(async () => {
          const reply = await answer(command);
          if (!socket.destroyed) socket.write(`${reply}\r\n`, 'latin1');
        });
      }
    });
  });

  const port = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');

  return {
    port,
    setWeight: (next, weightOptions = {}) => {
      if (!Number.isSafeInteger(next)) throw new RangeError(`a weight is whole grams, got ${next}`);
      grams = next;
      stable = weightOptions.stable ?? true;
      notify();
    },
    setState: (next) => {
      state = next;
      notify();
    },
    get requests() {
      return requests;
    },
    close: () => closeServer(server, sockets),
  };
}

async function main(args: string[]): Promise<void> {
  const { port, host } = listenArgs(args, 4001);
  const scale = await startScaleSimulator({ port, host });
  console.log(`Scale simulator (MT-SICS) listening on tcp://${host}:${scale.port}`);
  console.log('Type a weight in grams (150), ~148 for a moving weight, over, under or ok.');
  for await (const line of createInterface({ input: process.stdin })) {
    const input = line.trim();
    const weight = /^(~?)(-?\d+)$/.exec(input);
    if (weight) scale.setWeight(Number(weight[2]), { stable: weight[1] !== '~' });
    else if (input === 'over') scale.setState('overload');
    else if (input === 'under') scale.setState('underload');
    else if (input === 'ok') scale.setState('ok');
    else if (input !== '') console.log(`? "${input}": type 150, ~148, over, under or ok`);
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
