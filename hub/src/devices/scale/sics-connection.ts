/**
 * One TCP connection to an MT-SICS device, read as lines: answers may arrive split over several
 * packets or several to a packet, and each line ends with CR LF.
 */
import { connect, type Socket } from 'node:net';
import { ScaleError } from './scale.js';

/** MT-SICS answers are short; a longer run without a line end is not a scale talking. */
const MAX_LINE = 256;

export class SicsConnection {
  private buffer = '';
  private readonly lines: string[] = [];
  private failure: ScaleError | null = null;
  private wake: (() => void) | null = null;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('latin1');
    socket.setNoDelay(true);
    socket.on('data', (chunk: string) => this.receive(chunk));
    socket.on('error', (error) => this.fail(new ScaleError('unreachable', describe(error), { cause: error })));
    socket.on('close', () => this.fail(new ScaleError('unreachable', 'the scale closed the connection')));
  }

  /**
   * Connects before the deadline. A connect that gets no answer at all is a scale that is off or
   * not on the network, so it is 'unreachable' like a refused one; 'timeout' is kept for a
   * connected scale that does not answer.
   */
  static open(host: string, port: number, deadline: number): Promise<SicsConnection> {
    const wait = msUntil(deadline);
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new ScaleError('unreachable', `no connection to ${host}:${port} within ${wait} ms`));
      }, wait);
      socket.once('error', (error) => {
        clearTimeout(timer);
        socket.destroy();
        reject(new ScaleError('unreachable', `${host}:${port}: ${describe(error)}`, { cause: error }));
      });
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(new SicsConnection(socket));
      });
    });
  }

  get usable(): boolean {
    return this.failure === null && !this.socket.destroyed;
  }

  /** Sends one command; whatever arrived unasked before it is dropped so it cannot pass for the answer. */
  send(command: string): void {
    this.lines.length = 0;
    this.socket.write(`${command}\r\n`, 'latin1');
  }

  /** The next line received, without its CR LF; rejects with 'timeout' when the deadline passes first. */
  async nextLine(deadline: number): Promise<string> {
    for (;;) {
      const line = this.lines.shift();
      if (line !== undefined) return line;
      if (this.failure) throw this.failure;
      const left = msUntil(deadline);
      if (left <= 0) throw new ScaleError('timeout', 'the scale did not answer in time');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, left);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.wake = done;
      });
      this.wake = null;
    }
  }

  destroy(): void {
    this.socket.destroy();
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n')) >= 0) {
      this.lines.push(this.buffer.slice(0, end).replace(/\r$/, ''));
      this.buffer = this.buffer.slice(end + 1);
    }
    if (this.buffer.length > MAX_LINE) {
      this.fail(new ScaleError('protocol', `${this.buffer.length} characters without a line end: ${JSON.stringify(this.buffer.slice(0, 40))}…`));
      this.socket.destroy();
    }
    this.wake?.();
  }

  private fail(error: ScaleError): void {
    this.failure ??= error;
    this.wake?.();
  }
}

function msUntil(deadline: number): number {
  return Math.max(0, deadline - Date.now());
}

function describe(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${code}: ${error.message}` : error.message;
}
