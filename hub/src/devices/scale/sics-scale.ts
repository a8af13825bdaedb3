/**
 * The real scale driver: Mettler Toledo MT-SICS level 0 over TCP, as spoken by scales with an
 * Ethernet option or behind a serial-to-Ethernet adapter (commonly port 4001 or 8001).
 */
import { SicsConnection } from './sics-connection.js';
import { parseWeightResponse, type WeightResponse } from './sics-format.js';
import { ScaleError, type Scale, type WeightReading } from './scale.js';

/** What the scale can answer to `SI`, once garbage and answers to other commands are set aside. */
type Answer = Exclude<WeightResponse, { kind: 'garbage' | 'other' }>;

export interface SicsScaleOptions {
  host: string;
  port: number;
  /** How long one command may wait for its answer, connecting included. */
  timeoutMs?: number;
  /** How long a moving weight is given to settle before the reading is 'moving'. */
  stableWithinMs?: number;
  /** Pause between two `SI` while the weight moves, so the scale is not flooded. */
  pollMs?: number;
}

export class SicsScale implements Scale {
  private readonly host: string;
  private readonly port: number;
  private readonly timeoutMs: number;
  private readonly stableWithinMs: number;
  private readonly pollMs: number;
  /** Kept between reads: a serial-to-Ethernet adapter often takes one client at a time. */
  private connection: SicsConnection | null = null;
  /** One command at a time: MT-SICS answers in order, with nothing to pair an answer to its question. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: SicsScaleOptions) {
    this.host = options.host;
    this.port = options.port;
    this.timeoutMs = options.timeoutMs ?? 1000;
    this.stableWithinMs = options.stableWithinMs ?? 2000;
    this.pollMs = options.pollMs ?? 50;
  }

  /**
   * Asks `SI` (send immediately) until the scale says the weight is stable, rather than `S`, which
   * a real scale holds until stability with a time limit of its own that we cannot set.
   */
  read(): Promise<WeightReading> {
    return this.serialized(async () => {
      const started = Date.now();
      for (;;) {
        const answer = await this.ask('SI');
        const reading = readingOf(answer);
        if (reading) return reading;
        if (Date.now() - started + this.pollMs >= this.stableWithinMs) {
          return answer.kind === 'busy' ? { state: 'error', detail: 'S I: the scale cannot weigh right now' } : { state: 'moving' };
        }
        await sleep(this.pollMs);
      }
    });
  }

  /** Closes the kept connection; the next read opens a new one. */
  close(): void {
    this.connection?.destroy();
    this.connection = null;
  }

  /**
   * Sends one command and returns its answer. A kept connection the scale has dropped since the last
   * read is found out only now, so that case is tried once more on a new connection (`SI` only reads).
   */
  private async ask(command: string): Promise<Answer> {
    const deadline = Date.now() + this.timeoutMs;
    const reused = this.connection?.usable === true;
    try {
      return await this.exchange(command, deadline);
    } catch (error) {
      // A connection that failed mid-command may still deliver the late answer: never reuse it.
      this.close();
      if (!(reused && error instanceof ScaleError && error.reason === 'unreachable')) throw error;
    }
    try {
      return await this.exchange(command, deadline);
    } catch (error) {
      this.close();
      throw error;
    }
  }

  private async exchange(command: string, deadline: number): Promise<Answer> {
    if (!this.connection?.usable) {
      this.connection?.destroy();
      this.connection = await SicsConnection.open(this.host, this.port, deadline);
    }
    const connection = this.connection;
    connection.send(command);
    for (;;) {
      const answer = parseWeightResponse(await connection.nextLine(deadline));
      if (answer.kind === 'garbage') throw new ScaleError('protocol', answer.why);
      // A late or unasked answer to another command (an I4 after power-on) is not ours.
      if (answer.kind !== 'other') return answer;
    }
  }

  private serialized<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** The reading an answer settles on, or null while the weight is still moving (or the scale busy). */
function readingOf(answer: Answer): WeightReading | null {
  switch (answer.kind) {
    case 'weight':
      return answer.stable ? { state: 'stable', grams: answer.grams } : null;
    case 'overload':
    case 'underload':
      return { state: answer.kind };
    case 'busy':
      return null;
    case 'error':
      return { state: 'error', detail: `${answer.code}: ${ERROR_CODES[answer.code]}` };
  }
}

const ERROR_CODES = {
  ES: 'syntax error, the scale did not recognise the command',
  ET: 'transmission error, the scale received a faulty command',
  EL: 'logical error, the scale cannot execute the command',
} as const;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
