/**
 * Hostile input (issue 7): one table of hostile inputs, each sent by the device it names to one running
 * hub, each to be answered with its coded error and none to change the hub's state. Before and after
 * every case the test takes a state fingerprint (tests/helpers/state-fingerprint.ts: every lane's
 * snapshot as a watching station gets it, every row of every table, Object.prototype's keys) and counts
 * any difference as a violation. What a refusal may leave behind (audit rows, stored refusals, the
 * lockout's counters) is listed, with the reason, in that helper.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaneSnapshot, StaffSessionInfo } from '@selfserve/shared';
import { CHIPS, COLA, MILK, ean13 } from '../helpers/catalog.js';
import { startTestHub, testConfig, TOKENS, type Client, type TestHub } from '../helpers/hub.js';
import { createStaff, managerFetch, signIn, type TestStaff } from '../helpers/staff.js';
import { differences, fingerprint, type Allowed, type Fingerprint } from '../helpers/state-fingerprint.js';
import { recordReliability } from '../helpers/reliability.js';
import { ack, ACK_TIMEOUT_MS, handshake, http, rawFrame, type RawSocket } from '../helpers/hostile-senders.js';

const WATCHER = 'test-watching-station-token';
const FRAME_LIMIT = testConfig('/tmp').limits.maxMessageBytes;

type Device = 'kiosk1' | 'kiosk2' | 'cfd1' | 'station';

interface Env {
  t: TestHub;
  sockets: Record<Device, Client>;
  /** The station that watches every lane for the fingerprint, signed in as a manager. */
  watcher: Client;
  manager: StaffSessionInfo;
  attendant: StaffSessionInfo;
  victim: TestStaff;
  revokedToken: string;
  /** The first scan on lane 1, its key and its answer, for replays. */
  first: { key: string; ack: unknown };
  /** A request on lane 1 that was refused (bad check digit), for replaying a refusal. */
  refusedKey: string;
  lane2Visit: string;
}

interface Case {
  category: string;
  name: string;
  from: string;
  expect: string;
  send: (e: Env) => Promise<string>;
  allowed?: (e: Env) => Allowed;
}

// HTTP callers: a plain POST from the hub's own origin, and a manager-route call as the station makes it.
const post = (e: Env, path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${e.t.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: e.t.url, ...headers }, body }).then(http);
const manager = (e: Env, path: string, init: Parameters<ReturnType<typeof managerFetch>>[1] = {}, session = e.manager, token = WATCHER) =>
  managerFetch(e.t, session, token)(path, init).then((r) => `http ${r.status}${r.json.ok ? '' : ` ${r.json.error?.code}`}`);

const key = () => randomUUID();
const scan = (over: Record<string, unknown>) => ({ key: key(), code: MILK, ...over });
const proto = (json: string) => JSON.parse(json) as Record<string, unknown>;

// ---- The cases ----

/** A case sent as one Socket.IO event by one of the connected devices. */
const event = (category: string, from: Device, name: string, ev: string, payload: () => unknown, expected: string): Case => ({
  category,
  name,
  from,
  expect: expected,
  send: (e) => ack(e.sockets[from], ev, payload()),
});

const CASES: Case[] = [
  // Who may connect at all.
  { category: 'identity', name: 'no token', from: 'handshake', expect: 'refused: unauthorized', send: (e) => handshake(e.t.url, {}) },
  { category: 'identity', name: 'a token nobody paired', from: 'handshake', expect: 'refused: unauthorized', send: (e) => handshake(e.t.url, { token: 'x'.repeat(40) }) },
  { category: 'identity', name: 'a revoked kiosk token', from: 'handshake', expect: 'refused: unauthorized', send: (e) => handshake(e.t.url, { token: e.revokedToken }) },
  { category: 'identity', name: 'a token that is an object', from: 'handshake', expect: 'refused: unauthorized', send: (e) => handshake(e.t.url, { token: { $ne: null } }) },
  { category: 'identity', name: 'a revoked token on a manager route', from: 'HTTP', expect: 'http 401 unauthorized', send: (e) => manager(e, '/api/manager/staff', {}, e.manager, e.revokedToken) },
  { category: 'identity', name: 'a wrong pairing code', from: 'HTTP', expect: 'http 401 unauthorized', send: (e) => post(e, '/api/pair', JSON.stringify({ code: '000000' })) },
  { category: 'identity', name: 'a wrong admin token on the catalog import', from: 'HTTP', expect: 'http 401 unauthorized', send: (e) => post(e, '/api/admin/catalog', '[]', { authorization: 'Bearer wrong-token-wrong-token' }) },
  // Where a browser page comes from.
  {
    category: 'origin',
    name: 'a valid kiosk token from a page of another site',
    from: 'handshake',
    // engine.io refuses the handshake itself: 403 on polling, a failed upgrade on WebSocket.
    expect: 'http 403',
    send: async (e) => {
      const ws = await handshake(e.t.url, { token: TOKENS.kiosk1 }, { origin: 'http://evil.example' });
      if (ws === 'connected') return 'connected';
      return http(await fetch(`${e.t.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: 'http://evil.example' } }));
    },
  },
  { category: 'origin', name: 'a manager change from another site', from: 'HTTP', expect: 'http 403 unauthorized', send: (e) => manager(e, '/api/manager/staff', { method: 'POST', body: { number: '777', name: 'X', role: 'manager' }, headers: { origin: 'http://evil.example' } }) },
  {
    category: 'origin',
    name: 'a manager change without any Origin',
    from: 'HTTP',
    expect: 'http 403 unauthorized',
    send: (e) =>
      fetch(`${e.t.url}/api/manager/staff`, { method: 'POST', headers: { authorization: `Bearer ${WATCHER}`, 'x-staff-session': e.manager.session, 'x-csrf-token': e.manager.csrf, 'content-type': 'application/json' }, body: JSON.stringify({ number: '778', name: 'Y', role: 'manager' }) }).then(http),
  },
  { category: 'origin', name: 'a manager change with a wrong CSRF token', from: 'HTTP', expect: 'http 403 unauthorized', send: (e) => manager(e, '/api/manager/staff', { method: 'POST', body: { number: '779', name: 'Z', role: 'manager' }, headers: { 'x-csrf-token': 'forged' } }) },
  { category: 'origin', name: 'pairing from another site', from: 'HTTP', expect: 'http 403 unauthorized', send: (e) => post(e, '/api/pair', JSON.stringify({ code: '123456' }), { origin: 'http://evil.example' }) },
  // A kiosk (no staff signed in) sending staff events.
  event('authority', 'kiosk1', 'a kiosk cancelling the sale', 'staff:cancelSale', () => ({ key: key(), laneId: 'lane-1' }), 'signed-out'),
  event('authority', 'kiosk1', 'a kiosk voiding a line', 'staff:voidLine', () => ({ key: key(), laneId: 'lane-1', lineId: 'L1' }), 'signed-out'),
  event('authority', 'kiosk1', 'a kiosk closing another lane', 'staff:closeLane', () => ({ key: key(), laneId: 'lane-2' }), 'signed-out'),
  event('authority', 'kiosk1', 'a kiosk watching every lane', 'staff:watch', () => ({}), 'unauthorized'),
  event('authority', 'kiosk1', 'a kiosk taking up a made-up session', 'staff:resume', () => ({ session: 'f'.repeat(43) }), 'signed-out'),
  event('authority', 'station', 'an attendant closing a lane', 'staff:closeLane', () => ({ key: key(), laneId: 'lane-1' }), 'unauthorized'),
  { category: 'authority', name: 'an attendant creating staff', from: 'HTTP', expect: 'http 403 unauthorized', send: (e) => manager(e, '/api/manager/staff', { method: 'POST', body: { number: '780', name: 'W', role: 'manager' } }, e.attendant, TOKENS.station) },
  { category: 'authority', name: 'a kiosk token on a manager route', from: 'HTTP', expect: 'http 401 unauthorized', send: (e) => manager(e, '/api/manager/staff', {}, e.manager, TOKENS.kiosk1) },
  event('authority', 'station', 'a station scanning (it has no lane)', 'lane:scan', () => scan({}), 'unauthorized'),
  // A customer display trying to act.
  event('display', 'cfd1', 'a display scanning', 'lane:scan', () => scan({}), 'unauthorized'),
  event('display', 'cfd1', 'a display changing a quantity', 'lane:setQuantity', () => ({ key: key(), lineId: 'L1', quantity: 5 }), 'unauthorized'),
  event('display', 'cfd1', 'a display cancelling the basket', 'lane:cancel', () => ({ key: key() }), 'unauthorized'),
  event('display', 'cfd1', 'a display starting payment', 'lane:pay', () => ({ key: key() }), 'unauthorized'),
  { category: 'display', name: "a display signing a manager in with the manager's own PIN", from: 'cfd1', expect: 'unauthorized', send: (e) => ack(e.sockets.cfd1, 'staff:signIn', { number: e.victim.number, pin: e.victim.pin }) },
  // Over a schema's limit but under the frame limit: answered. Past the frame limit: that connection closes.
  event('oversized', 'kiosk1', 'a 600-character code (the schema allows 512)', 'lane:scan', () => scan({ code: '5'.repeat(600) }), 'bad-payload'),
  event('oversized', 'kiosk1', `a ${Math.round((FRAME_LIMIT - 5000) / 1000)} kB code, just under the frame limit`, 'lane:scan', () => scan({ code: '5'.repeat(FRAME_LIMIT - 5000) }), 'bad-payload'),
  event('oversized', 'kiosk1', 'a 1,000-character search', 'catalog:search', () => ({ query: 'a'.repeat(1000) }), 'bad-payload'),
  event('oversized', 'kiosk1', 'a 10,000-character badge', 'staff:signIn', () => ({ badge: 'B'.repeat(10_000), pin: '1234' }), 'bad-payload'),
  event('oversized', 'station', 'a 5,000-character resolution note', 'staff:resolve', () => ({ key: key(), laneId: 'lane-1', interventionId: 'i1', outcome: 'approve', note: 'n'.repeat(5000) }), 'bad-payload'),
  {
    category: 'oversized',
    name: `a frame past limits.maxMessageBytes (${FRAME_LIMIT} bytes) closes only that connection`,
    from: 'kiosk1',
    expect: 'closed',
    send: async (e) => {
      const answer = await ack(e.sockets.kiosk1, 'lane:scan', scan({ code: '5'.repeat(FRAME_LIMIT + 1000) }));
      const others = await ack(e.sockets.kiosk2, 'lane:sync', {});
      return others === 'ok' && e.watcher.connected ? answer : `${answer}, and another device: ${others}`;
    },
  },
  { category: 'oversized', name: 'a 5 kB pairing body (the route takes 1 kB)', from: 'HTTP', expect: 'http 413 bad-payload', send: (e) => post(e, '/api/pair', JSON.stringify({ code: '1'.repeat(5000) })) },
  { category: 'oversized', name: 'a 20 kB manager body (the route takes 16 kB)', from: 'HTTP', expect: 'http 413 bad-payload', send: (e) => manager(e, '/api/manager/staff', { method: 'POST', body: { number: '781', name: 'n'.repeat(20_000), role: 'attendant' } }) },
  // Quantities and weights.
  event('quantity', 'kiosk1', 'a negative quantity', 'lane:scan', () => scan({ quantity: -1 }), 'bad-payload'),
  event('quantity', 'kiosk1', 'a zero quantity', 'lane:scan', () => scan({ quantity: 0 }), 'bad-payload'),
  event('quantity', 'kiosk1', 'a fractional quantity', 'lane:scan', () => scan({ quantity: 1.5 }), 'bad-payload'),
  event('quantity', 'kiosk1', 'a huge quantity (10⁹)', 'lane:scan', () => scan({ quantity: 1e9 }), 'bad-payload'),
  event('quantity', 'kiosk1', 'a quantity above the store limit (100 > 99)', 'lane:scan', () => scan({ quantity: 100 }), 'quantity-limit'),
  event('quantity', 'kiosk1', 'a quantity as a string', 'lane:scan', () => scan({ quantity: '2' }), 'bad-payload'),
  event('quantity', 'kiosk1', 'a quantity of Infinity (arrives as null)', 'lane:scan', () => scan({ quantity: Infinity }), 'bad-payload'),
  event('quantity', 'kiosk1', 'a line set to a negative quantity', 'lane:setQuantity', () => ({ key: key(), lineId: 'L1', quantity: -5 }), 'bad-payload'),
  event('quantity', 'kiosk1', 'a line set to a fractional quantity', 'lane:setQuantity', () => ({ key: key(), lineId: 'L1', quantity: 2.5 }), 'bad-payload'),
  event('quantity', 'kiosk1', 'a line set beyond the largest safe integer', 'lane:setQuantity', () => ({ key: key(), lineId: 'L1', quantity: 2 ** 60 }), 'bad-payload'),
  event('quantity', 'kiosk1', 'a negative weight', 'lane:scan', () => scan({ code: '4011', weightGrams: -100 }), 'bad-payload'),
  event('quantity', 'kiosk1', 'a fractional weight', 'lane:scan', () => scan({ code: '4011', weightGrams: 0.5 }), 'bad-payload'),
  // A kiosk sending a price (it may only send intents).
  event('price', 'kiosk1', 'a scan with a price', 'lane:scan', () => scan({ price: 1 }), 'bad-payload'),
  event('price', 'kiosk1', 'a scan with a unit price and total', 'lane:scan', () => scan({ unitPrice: 0, total: 0 }), 'bad-payload'),
  event('price', 'kiosk1', 'a quantity change with a price', 'lane:setQuantity', () => ({ key: key(), lineId: 'L1', quantity: 1, paidPrice: 0 }), 'bad-payload'),
  event('price', 'kiosk1', 'a price override from the kiosk', 'staff:overridePrice', () => ({ key: key(), laneId: 'lane-1', lineId: 'L1', price: 0, reason: 'free' }), 'signed-out'),
  event('price', 'kiosk1', "a scan naming another lane", 'lane:scan', () => scan({ laneId: 'lane-2' }), 'bad-payload'),
  // Prototype keys.
  event('prototype', 'kiosk1', 'a scan with an own __proto__ key', 'lane:scan', () => proto(`{"key":"${key()}","code":"${MILK}","__proto__":{"price":0,"quantity":50}}`), 'bad-payload'),
  event('prototype', 'kiosk1', 'a scan with constructor.prototype', 'lane:scan', () => proto(`{"key":"${key()}","code":"${MILK}","constructor":{"prototype":{"price":0}}}`), 'bad-payload'),
  event('prototype', 'station', 'a sign-in with __proto__ granting a role', 'staff:signIn', () => proto('{"number":"1","pin":"1234","__proto__":{"role":"manager"}}'), 'bad-payload'),
  event('prototype', 'kiosk1', 'an event named __proto__', '__proto__', () => ({}), 'bad-payload'),
  { category: 'prototype', name: 'a manager body with __proto__', from: 'HTTP', expect: 'http 400 bad-payload', send: (e) => manager(e, '/api/manager/staff', { method: 'POST', body: proto('{"number":"782","name":"P","role":"attendant","__proto__":{"role":"manager"}}') }) },
  {
    category: 'prototype',
    name: 'a head-office delta with __proto__ in a product',
    from: 'HTTP',
    expect: 'http 400 bad-payload',
    send: (e) =>
      post(e, '/api/admin/catalog/delta', `{"version":99,"upsert":{"products":[{"id":"milk","name":{"da":"M"},"gtins":["${MILK}"],"price":1,"department":"mejeri","__proto__":{"price":0}}]}}`, { authorization: 'Bearer test-admin-token-0123456789' }),
  },
  // Malformed barcodes and GS1 element strings.
  event('barcode', 'kiosk1', 'a GTIN-13 with a wrong check digit', 'lane:scan', () => scan({ code: '5700000000015' }), 'invalid-barcode'),
  event('barcode', 'kiosk1', 'an AI (01) with a wrong check digit', 'lane:scan', () => scan({ code: ']C10105700000000015' }), 'invalid-barcode'),
  event('barcode', 'kiosk1', 'an AI (01) cut short', 'lane:scan', () => scan({ code: ']C1015700' }), 'invalid-barcode'),
  event('barcode', 'kiosk1', 'an AI (17) date cut short', 'lane:scan', () => scan({ code: ']C10105700000000011171399' }), 'invalid-barcode'),
  event('barcode', 'kiosk1', 'an AI (10) longer than 20 without a GS', 'lane:scan', () => scan({ code: `]C101${'0' + MILK}10${'9'.repeat(26)}` }), 'invalid-barcode'),
  event('barcode', 'kiosk1', 'a Digital Link with a 3-digit GTIN', 'lane:scan', () => scan({ code: 'https://id.gs1.org/01/123' }), 'invalid-barcode'),
  event('barcode', 'kiosk1', 'control characters', 'lane:scan', () => scan({ code: '\u0000\u001b[2J' }), 'invalid-barcode'),
  event('barcode', 'kiosk1', 'full-width digits', 'lane:scan', () => scan({ code: '５７００００００００００１' }), 'invalid-barcode'),
  event('barcode', 'kiosk1', 'only a symbology identifier', 'lane:scan', () => scan({ code: ']e0' }), 'invalid-barcode'),
  event('barcode', 'kiosk1', 'an SSCC (a pallet, not an item)', 'lane:scan', () => scan({ code: ']C100123456789012345675' }), 'not-sellable'),
  event('barcode', 'kiosk1', 'a valid GTIN the catalog lacks', 'lane:scan', () => scan({ code: ean13('570999999999') }), 'unknown-item'),
  event('barcode', 'kiosk1', 'a card number typed into the scan field', 'lane:scan', () => scan({ code: '4111 1111 1111 1111' }), 'invalid-barcode'),
  event('barcode', 'kiosk1', 'a card swiped through a keyboard-wedge reader', 'lane:scan', () => scan({ code: ';4111111111111111=28021010000000000?' }), 'invalid-barcode'),
  event('barcode', 'kiosk1', 'a call for help about a card number', 'lane:callStaff', () => ({ key: key(), reason: 'unknown-item', code: '5413330089099999' }), 'invalid-barcode'),
  event('barcode', 'kiosk1', 'an empty code', 'lane:scan', () => scan({ code: '' }), 'bad-payload'),
  event('barcode', 'kiosk1', 'a code that is a Buffer', 'lane:scan', () => scan({ code: Buffer.from(MILK) }), 'bad-payload'),
  // Payloads of the wrong shape.
  event('shape', 'kiosk1', 'a null payload', 'lane:scan', () => null, 'bad-payload'),
  event('shape', 'kiosk1', 'an array payload', 'lane:scan', () => [MILK], 'bad-payload'),
  event('shape', 'kiosk1', 'a key that is no UUID', 'lane:scan', () => scan({ key: "' OR 1=1 --" }), 'bad-payload'),
  { category: 'shape', name: 'an event with an ack but no payload', from: 'kiosk1', expect: 'bad-payload', send: (e) => ack(e.sockets.kiosk1, 'lane:scan') },
  { category: 'shape', name: 'an event with two payloads', from: 'kiosk1', expect: 'bad-payload', send: (e) => ack(e.sockets.kiosk1, 'lane:scan', scan({}), scan({ code: CHIPS })) },
  event('shape', 'kiosk1', 'an event no one handles (lane:setPrice)', 'lane:setPrice', () => ({ key: key(), lineId: 'L1', price: 0 }), 'bad-payload'),
  { category: 'shape', name: 'an event name that is a number', from: 'kiosk1', expect: 'bad-payload', send: (e) => rawFrame(e.sockets.kiosk1, 901, '[42,{}]') },
  { category: 'shape', name: 'a payload nested 10,000 deep', from: 'kiosk1', expect: 'bad-payload', send: (e) => rawFrame(e.sockets.kiosk1, 902, `["lane:scan",{"key":"${key()}","code":"${MILK}","x":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}]`) },
  // Idempotency keys replayed.
  { category: 'replay', name: 'a scan replayed with its key', from: 'kiosk1', expect: 'the original answer', send: (e) => replayFirst(e) },
  { category: 'replay', name: "a scan's key reused for another code", from: 'kiosk1', expect: 'conflict', send: (e) => ack(e.sockets.kiosk1, 'lane:scan', { key: e.first.key, code: CHIPS }) },
  { category: 'replay', name: "a scan's key reused for removing a line", from: 'kiosk1', expect: 'conflict', send: (e) => ack(e.sockets.kiosk1, 'lane:removeLine', { key: e.first.key, lineId: 'L2' }) },
  { category: 'replay', name: 'a refused scan replayed', from: 'kiosk1', expect: 'invalid-barcode', send: (e) => ack(e.sockets.kiosk1, 'lane:scan', { key: e.refusedKey, code: '5700000000015' }) },
  // Guessing PINs (staff.maxFailures is 3 here).
  { category: 'pin', name: 'an unknown staff number', from: 'station', expect: 'sign-in-failed', send: (e) => ack(e.sockets.station, 'staff:signIn', { number: '99999', pin: '1234' }) },
  { category: 'pin', name: "a staff member's badge with a wrong PIN", from: 'station', expect: 'sign-in-failed', send: (e) => ack(e.sockets.station, 'staff:signIn', { badge: e.victim.badge, pin: wrongPin(e.victim, 0) }) },
  { category: 'pin', name: 'a second wrong PIN', from: 'station', expect: 'sign-in-failed', send: (e) => ack(e.sockets.station, 'staff:signIn', { number: e.victim.number, pin: wrongPin(e.victim, 1) }) },
  { category: 'pin', name: 'a third wrong PIN (locks)', from: 'station', expect: 'sign-in-failed', send: (e) => ack(e.sockets.station, 'staff:signIn', { number: e.victim.number, pin: wrongPin(e.victim, 2) }) },
  { category: 'pin', name: 'the right PIN once locked', from: 'station', expect: 'locked', send: (e) => ack(e.sockets.station, 'staff:signIn', { number: e.victim.number, pin: e.victim.pin }) },
  { category: 'pin', name: 'a PIN of letters', from: 'kiosk2', expect: 'sign-in-failed', send: (e) => ack(e.sockets.kiosk2, 'staff:signIn', { number: '99998', pin: 'abcd' }) },
  { category: 'pin', name: 'a PIN longer than the schema allows', from: 'station', expect: 'bad-payload', send: (e) => ack(e.sockets.station, 'staff:signIn', { number: e.victim.number, pin: '1'.repeat(33) }) },
  { category: 'pin', name: 'a wrong PIN when asked again for admin work', from: 'station', expect: 'sign-in-failed', send: (e) => ack(e.sockets.station, 'staff:reauth', { pin: '0000000' }) },
  // 1,000 events in a second from one device.
  {
    category: 'flood',
    name: '1,000 replayed scans in one second from one kiosk, while lane 2 scans',
    from: 'kiosk1',
    expect: 'rate-limited',
    send: (e) => flood(e),
    allowed: (e) => ({ lanes: ['lane-2'], row: (_table, row) => row.includes('"lane-2"') || row.includes(e.lane2Visit) }),
  },
];

function wrongPin(s: TestStaff, n: number): string {
  return String((Number(s.pin) + 1 + n) % 10 ** s.pin.length).padStart(s.pin.length, '0');
}

async function replayFirst(e: Env): Promise<string> {
  const again = await (e.sockets.kiosk1 as unknown as RawSocket).timeout(ACK_TIMEOUT_MS).emitWithAck('lane:scan', { key: e.first.key, code: MILK });
  return JSON.stringify(again) === JSON.stringify(e.first.ack) ? 'the original answer' : `another answer: ${JSON.stringify(again).slice(0, 120)}`;
}

/**
 * Ten waves of 100 replays of the first scan, 100 ms apart (a kiosk stuck in a retry loop): whatever the
 * limiter lets through is answered from the idempotency record, the rest is rate-limited. Lane 2's kiosk
 * scans meanwhile and must get its ordinary answers, promptly.
 */
async function flood(e: Env): Promise<string> {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const started = Date.now();
  const lane2: Array<{ ok: boolean; ms: number }> = [];
  const scanning = (async () => {
    for (let i = 0; i < 5; i++) {
      await sleep(150);
      const at = Date.now();
      const a = await e.sockets.kiosk2.emitWithAck('lane:scan', { key: key(), code: COLA });
      lane2.push({ ok: a.ok, ms: Date.now() - at });
    }
  })();
  const waves: Array<Promise<unknown[]>> = [];
  for (let w = 0; w < 10; w++) {
    waves.push(Promise.all(Array.from({ length: 100 }, () => e.sockets.kiosk1.timeout(10_000).emitWithAck('lane:scan', { key: e.first.key, code: MILK }))));
    await sleep(100);
  }
  await scanning;
  const answers = (await Promise.all(waves)).flat();
  const seconds = (Date.now() - started) / 1000;
  const limited = answers.filter((a) => (a as { error?: { code: string } }).error?.code === 'rate-limited').length;
  const replayed = answers.filter((a) => JSON.stringify(a) === JSON.stringify(e.first.ack)).length;
  const { eventsPerSecond, eventBurst } = testConfig('/tmp').limits;
  const problems = [
    limited + replayed !== answers.length && `${answers.length - limited - replayed} other answers`,
    replayed > eventBurst + eventsPerSecond * seconds + 1 && `${replayed} let through in ${seconds.toFixed(1)} s`,
    lane2.some((a) => !a.ok) && 'lane 2 was refused',
    lane2.some((a) => a.ms > 500) && `lane 2 waited ${Math.max(...lane2.map((a) => a.ms))} ms`,
  ].filter(Boolean);
  floodFigures = `the flood: ${answers.length} lane:scan events in ${seconds.toFixed(1)} s from one kiosk, ${limited} rate-limited, ${replayed} answered from the idempotency record; lane 2's ${lane2.length} scans answered in at most ${Math.max(...lane2.map((a) => a.ms))} ms`;
  return problems.length === 0 ? 'rate-limited' : `${limited} rate-limited; ${problems.join('; ')}`;
}

// ---- The run ----

let env: Env;
let floodFigures = 'the flood did not run';
const results: Array<{ c: Case; answer: string; changes: string[] }> = [];

async function watch(): Promise<LaneSnapshot[]> {
  for (;;) {
    const a = await env.watcher.emitWithAck('staff:watch', {});
    if (a.ok) return a.data.lanes.map((l) => l.snapshot);
    // The watcher is an ordinary device under the same rate limit as every other.
    if (a.error.code !== 'rate-limited') throw new Error(`staff:watch: ${a.error.code}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const state = async (): Promise<Fingerprint> => fingerprint(env.t.db, await watch());

/** A case that closed a device's connection (on purpose or not) leaves the next case a fresh one. */
async function reconnect(): Promise<void> {
  const tokens: Record<Device, string> = { kiosk1: TOKENS.kiosk1, kiosk2: TOKENS.kiosk2, cfd1: TOKENS.cfd1, station: TOKENS.station };
  for (const d of Object.keys(tokens) as Device[]) if (!env.sockets[d].connected) env.sockets[d] = await env.t.client(tokens[d]);
}

beforeAll(async () => {
  const t = await startTestHub({
    logFile: true,
    config: {
      devices: [
        { id: 'k1', kind: 'kiosk', laneId: 'lane-1', token: TOKENS.kiosk1 },
        { id: 'd1', kind: 'display', laneId: 'lane-1', token: TOKENS.cfd1 },
        { id: 'k2', kind: 'kiosk', laneId: 'lane-2', token: TOKENS.kiosk2 },
        { id: 's1', kind: 'staff', token: TOKENS.station },
        { id: 's2', kind: 'staff', token: WATCHER },
      ],
      staff: { maxFailures: 3, lockoutSeconds: 600, guessDelaySeconds: 0.02 },
    },
  });
  const [kiosk1, kiosk2, cfd1, station, watcher] = await Promise.all([TOKENS.kiosk1, TOKENS.kiosk2, TOKENS.cfd1, TOKENS.station, WATCHER].map((tk) => t.client(tk)));
  const attendant = await signIn(station!, await createStaff(t, 'attendant'));
  const boss = await signIn(watcher!, await createStaff(t, 'manager'));
  const victim = await createStaff(t, 'supervisor');
  // Lane 1 holds a basket, a scan to replay and a stored refusal; lane 2 holds a basket of its own.
  const firstKey = key();
  const firstAck = await kiosk1!.emitWithAck('lane:scan', { key: firstKey, code: MILK });
  await kiosk1!.emitWithAck('lane:scan', { key: key(), code: CHIPS });
  const refusedKey = key();
  await kiosk1!.emitWithAck('lane:scan', { key: refusedKey, code: '5700000000015' });
  await kiosk2!.emitWithAck('lane:scan', { key: key(), code: COLA });
  const lane2 = await kiosk2!.emitWithAck('lane:sync', {});
  // A kiosk paired the ordinary way, then revoked.
  const created = await t.hub.devices.create({ kind: 'kiosk', laneId: 'lane-2', name: 'Old kiosk' }, { actor: null });
  const { token: revokedToken } = await t.hub.devices.pair(created.code, '127.0.0.1');
  await t.hub.devices.revoke(created.device.id, { actor: null });
  env = {
    t,
    sockets: { kiosk1: kiosk1!, kiosk2: kiosk2!, cfd1: cfd1!, station: station! },
    watcher: watcher!,
    manager: boss,
    attendant,
    victim,
    revokedToken,
    first: { key: firstKey, ack: firstAck },
    refusedKey,
    lane2Visit: lane2.ok ? (lane2.data.visitId ?? '') : '',
  };
});

afterAll(async () => {
  await env?.t.close();
});

describe('hostile input is answered with a code and changes nothing', () => {
  it(`the table holds ${CASES.length} cases across every category of the promise`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.category))).toEqual(new Set(['identity', 'origin', 'authority', 'display', 'oversized', 'quantity', 'price', 'prototype', 'barcode', 'shape', 'replay', 'pin', 'flood']));
  });

  it('the fingerprint sees an ordinary change (a control: a scan on lane 2)', async () => {
    const before = await state();
    expect(await env.sockets.kiosk2.emitWithAck('lane:scan', { key: key(), code: MILK })).toMatchObject({ ok: true });
    const seen = differences(before, await state());
    expect(seen.join('\n')).toMatch(/snapshot of lane-2 changed/);
    expect(seen.join('\n')).toMatch(/visit_lines: \d+ → \d+ rows/);
    expect(seen.join('\n')).toMatch(/idempotency: /);
    expect(Object.keys(before.tables)).toEqual(expect.arrayContaining(['sales', 'payments', 'visits', 'visit_lines', 'idempotency', 'outbox', 'interventions', 'staff', 'devices', 'lanes', 'print_jobs', 'products']));
  });

  it.each(CASES.map((c) => [`${c.category}: ${c.name} (${c.from}) → ${c.expect}`, c] as const))('%s', async (_title, c) => {
    const before = await state();
    const answer = await c.send(env);
    await reconnect();
    const changes = differences(before, await state(), c.allowed?.(env));
    results.push({ c, answer, changes });
    expect(answer).toBe(c.expect);
    expect(changes).toEqual([]);
  });

  it('the hub logged no failure of its own, and is healthy after all of it', async () => {
    const lines = readFileSync(env.t.logFile!, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { level: number; msg: string });
    const errors = lines.filter((l) => l.level >= 50).map((l) => l.msg);
    const health = await fetch(`${env.t.url}/healthz`);
    // A state change, an answer other than the expected code (none at all, an uncoded one) and a
    // failure in the hub's own log each break the promise.
    const violations = results.filter((r) => r.changes.length > 0 || r.answer !== r.c.expect).length + errors.length;
    recordReliability('hostile-input', {
      what: 'hostile inputs from kiosks, a customer display, a station and HTTP callers, each against a fingerprint of every lane and every table',
      faultsInjected: 0,
      checked: results.length,
      inputsTried: results.length,
      violations,
      notes: [
        `${results.filter((r) => r.answer === r.c.expect).length} of ${results.length} answered as expected; categories: ${[...new Set(CASES.map((c) => c.category))].join(', ')}`,
        floodFigures,
        'a refusal may add audit_log rows and stored refusals (idempotency rows with ok:false) and move staff.failed_attempts/locked_until; nothing else',
      ],
    });
    expect(errors).toEqual([]);
    expect(health.status).toBe(200);
    expect(results).toHaveLength(CASES.length);
    expect(violations).toBe(0);
  });
});
