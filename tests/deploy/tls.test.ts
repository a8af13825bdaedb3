/** The hub over HTTPS with a certificate from deploy/make-certs.sh, as a store LAN runs it for the kiosks' cameras. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHub } from '../../hub/src/app.js';
import { createLogger } from '../../hub/src/log.js';
import { Database } from '../../hub/src/storage/db.js';
import { startTestHub, testConfig, TOKENS, type TestHub } from '../helpers/hub.js';

const MAKE_CERTS = fileURLToPath(new URL('../../deploy/make-certs.sh', import.meta.url));
const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

let dir = '';
let ca = '';
let t: TestHub | null = null;
beforeAll(() => {
  if (!hasOpenssl) return;
  dir = mkdtempSync(join(tmpdir(), 'selfserve-certs-'));
  execFileSync('bash', [MAKE_CERTS, join(dir, 'tls'), 'localhost', '127.0.0.1'], { stdio: 'pipe' });
  ca = readFileSync(join(dir, 'tls', 'store-ca.crt'), 'utf8');
});
afterEach(async () => {
  await t?.close();
  t = null;
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const tls = () => ({ certFile: join(dir, 'tls', 'hub.crt'), keyFile: join(dir, 'tls', 'hub.key') });

function getJson(url: string, agent: Agent): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    }).on('error', reject);
  });
}

function connect(url: string, options: { ca?: string }): Promise<'connected' | string> {
  const socket = io(url, { auth: { token: TOKENS.kiosk1 }, transports: ['websocket'], reconnection: false, ...options });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.disconnect();
      resolve('connected');
    });
    socket.once('connect_error', (err) => resolve(err.message));
  });
}

describe.skipIf(!hasOpenssl)('HTTPS on the store LAN (skipped: openssl is not installed)', () => {
  it('with http.tls the hub serves HTTPS, and a client trusting the store CA reaches /healthz and connects a kiosk', async () => {
    t = await startTestHub({ config: { http: { host: '127.0.0.1', port: 0, tls: tls() } } });
    expect(t.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const health = await getJson(`${t.url}/healthz`, new Agent({ ca }));
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ ok: true, database: 'ok' });
    expect(await connect(t.url, { ca })).toBe('connected');
  });

  it('a client that does not trust the store CA is refused the connection', async () => {
    t = await startTestHub({ config: { http: { host: '127.0.0.1', port: 0, tls: tls() } } });
    await expect(getJson(`${t.url}/healthz`, new Agent())).rejects.toThrow(/certificate/i);
    expect(await connect(t.url, {})).not.toBe('connected');
  });

  it('an unreadable key file stops start-up with a message naming http.tls.keyFile', async () => {
    const work = mkdtempSync(join(tmpdir(), 'selfserve-test-'));
    const config = testConfig(work, { http: { host: '127.0.0.1', port: 0, tls: { ...tls(), keyFile: join(work, 'missing.key') } } });
    const db = await Database.open(config.database.file);
    try {
      expect(() => createHub({ config, db, log: createLogger('silent') })).toThrow(/http\.tls\.keyFile: cannot read .*missing\.key/);
    } finally {
      await db.close();
      rmSync(work, { recursive: true, force: true });
    }
  });
});
