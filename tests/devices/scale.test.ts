/** The MT-SICS scale driver against the scale simulator, and against raw peers, over real TCP on loopback. */
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ScaleError,
  SicsScale,
  startScaleSimulator,
  type ScaleSimulator,
  type SicsScaleOptions,
} from '../../hub/src/devices/scale/index.js';

let simulator: ScaleSimulator;
const drivers: SicsScale[] = [];
const peers: Server[] = [];
const peerSockets = new Set<Socket>();

beforeEach(async () => {
  simulator = await startScaleSimulator({ host: '127.0.0.1', port: 0 });
});
afterEach(async () => {
  for (const driver of drivers.splice(0)) driver.close();
  for (const socket of peerSockets) socket.destroy();
  peerSockets.clear();
  for (const peer of peers.splice(0)) await new Promise((resolve) => peer.close(resolve));
  await simulator.close();
});

function driver(options: Partial<SicsScaleOptions> = {}): SicsScale {
  const scale = new SicsScale({ host: '127.0.0.1', port: simulator.port, ...options });
  drivers.push(scale);
  return scale;
}

/** A TCP peer that answers each command line with `reply` (or stays silent); returns its port. */
async function peer(reply: (socket: Socket, command: string) => void): Promise<number> {
  const server = createServer((socket) => {
    peerSockets.add(socket);
    socket.setNoDelay(true);
    socket.on('error', () => socket.destroy());
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        reply(socket, buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    });
  });
  peers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function failure(work: Promise<unknown>): Promise<ScaleError> {
  const error: unknown = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ScaleError)) throw new Error(`expected a ScaleError, got ${String(error)}`);
  return error;
}

describe('reading a weight from an MT-SICS scale', () => {
  it('a stable 150 g reading comes back as exactly 150 grams', async () => {
    simulator.setWeight(150);
    await expect(driver().read()).resolves.toEqual({ state: 'stable', grams: 150 });
  });

  it('1.234 kg is 1234 g, with no float on the way', async () => {
    simulator.setWeight(1234);
    await expect(driver().read()).resolves.toEqual({ state: 'stable', grams: 1234 });
  });

  it('the simulator formats the weight right-aligned in ten characters with three decimals in kg', async () => {
    const lines: string[] = [];
    simulator.setWeight(150);
    const socket = connect({ host: '127.0.0.1', port: simulator.port });
    socket.on('data', (chunk) => lines.push(chunk.toString('latin1')));
    socket.write('SI\r\nI4\r\nZ\r\nSI\r\nXYZ\r\n');
    await expect.poll(() => lines.join('')).toBe('S S      0.150 kg\r\nI4 A "0123456789"\r\nZ A\r\nS S      0.000 kg\r\nES\r\n');
    socket.destroy();
  });

  it('a moving weight that settles within the window is read once stable', async () => {
    simulator.setWeight(148, { stable: false });
    const reading = driver({ stableWithinMs: 2000 }).read();
    await wait(250);
    simulator.setWeight(150);
    await expect(reading).resolves.toEqual({ state: 'stable', grams: 150 });
    expect(simulator.requests).toBeGreaterThan(1);
  });

  it('a weight that never settles reports moving once the window has passed', async () => {
    simulator.setWeight(148, { stable: false });
    const started = Date.now();
    await expect(driver({ stableWithinMs: 400 }).read()).resolves.toEqual({ state: 'moving' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('overload and underload are reported', async () => {
    const scale = driver();
    simulator.setState('overload');
    await expect(scale.read()).resolves.toEqual({ state: 'overload' });
    simulator.setState('underload');
    await expect(scale.read()).resolves.toEqual({ state: 'underload' });
    simulator.setState('ok');
    simulator.setWeight(500);
    await expect(scale.read()).resolves.toEqual({ state: 'stable', grams: 500 });
  });

  it('keeps its connection between reads and reconnects when the scale drops it', async () => {
    const scale = driver();
    simulator.setWeight(150);
    await scale.read();
    await simulator.close();
    simulator = await startScaleSimulator({ host: '127.0.0.1', port: simulator.port });
    simulator.setWeight(200);
    await expect(scale.read()).resolves.toEqual({ state: 'stable', grams: 200 });
  });
});

describe('what the driver makes of the wire', () => {
  it('a response split over several TCP writes is parsed', async () => {
    const port = await peer((socket) => {
      const parts = ['S S', '      0.1', '50 kg\r', '\n'];
      parts.forEach((part, i) => setTimeout(() => socket.write(part), i * 30));
    });
    await expect(driver({ port }).read()).resolves.toEqual({ state: 'stable', grams: 150 });
  });

  it('the grams unit (S S     150 g) is understood', async () => {
    const port = await peer((socket) => socket.write('S S     150 g\r\n'));
    await expect(driver({ port }).read()).resolves.toEqual({ state: 'stable', grams: 150 });
  });

  it('an unasked power-on message before the answer is skipped', async () => {
    const port = await peer((socket) => socket.write('I4 A "0123456789"\r\nS S      2.500 kg\r\n'));
    await expect(driver({ port }).read()).resolves.toEqual({ state: 'stable', grams: 2500 });
  });

  it("the scale's own error codes are an error reading, not a failure", async () => {
    const port = await peer((socket) => socket.write('EL\r\n'));
    await expect(driver({ port }).read()).resolves.toMatchObject({ state: 'error', detail: expect.stringMatching(/^EL/) });
  });

  it("garbage is a 'protocol' failure", async () => {
    const port = await peer((socket) => socket.write('HTTP/1.1 400 Bad Request\r\n'));
    const error = await failure(driver({ port }).read());
    expect(error.reason).toBe('protocol');
    expect(error.da).toMatch(/Vægten/);
    expect(error.en).toMatch(/scale/);
  });

  it("a weight in pounds is a 'protocol' failure, never misread as grams", async () => {
    const port = await peer((socket) => socket.write('S S      0.331 lb\r\n'));
    expect((await failure(driver({ port }).read())).reason).toBe('protocol');
  });
});

describe('when the scale cannot be asked', () => {
  it("an unreachable port gives 'unreachable' quickly", async () => {
    const port = await peer(() => undefined);
    const closed = peers.pop();
    await new Promise((resolve) => closed?.close(resolve));
    const started = Date.now();
    const error = await failure(driver({ port, timeoutMs: 5000 }).read());
    expect(error.reason).toBe('unreachable');
    // Refused at once, not after the 5 s timeout; the margin is for a busy CI machine.
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("a silent peer gives 'timeout' within timeoutMs", async () => {
    const port = await peer(() => undefined);
    const started = Date.now();
    const error = await failure(driver({ port, timeoutMs: 300 }).read());
    const elapsed = Date.now() - started;
    expect(error.reason).toBe('timeout');
    expect(elapsed).toBeGreaterThanOrEqual(280);
    expect(elapsed).toBeLessThan(300 + 250); // the margin is for a busy CI machine
  });
});
