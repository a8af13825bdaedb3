/** The hub's configuration: JSON file, then environment, then command line; validated before start-up. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ageCategory, ageRuleCountries, DEVICE_KINDS, validateOwnPrefixes } from '@selfserve/shared';
import { depositSchema, id, lanesSchema, printerSchema, restaurantSchema } from './config-parts.js';

/** How the hub signs in to a NATS server: user and password, a token, or an nsc .creds file. */
const natsAuth = { user: z.string().optional(), pass: z.string().optional(), token: z.string().optional(), credsFile: z.string().min(1).optional() };

export const configSchema = z
  .object({
    store: z
      .object({
        id: id.default('demo-store'),
        name: z.string().min(1).default('Demo Købmand'),
        address: z.string().default('Nørregade 1, 1165 København K'),
        cvr: z.string().regex(/^\d{8}$/, 'a CVR number has 8 digits').default('12345678'),
        country: z.enum(['DK', 'SE', 'NO', 'FI', 'DE', 'GB']).default('DK'),
        currency: z.string().regex(/^[A-Z]{3}$/).default('DKK'),
        locale: z.string().default('da-DK'),
        languages: z.array(z.string().min(2).max(8)).min(1).default(['da', 'en']),
        timeZone: z.string().refine(isTimeZone, 'unknown IANA time zone').default('Europe/Copenhagen'),
        /** Store policy ages per category (energy drinks, knives, ...); null = no limit. Law is a floor. */
        agePolicy: z.partialRecord(ageCategory, z.number().int().min(0).max(25).nullable()).default({}),
      })
      .strict()
      .prefault({}),
    http: z
      .object({
        host: z.string().default('127.0.0.1'),
        port: z.number().int().min(0).max(65535).default(3000),
        /** Origins allowed to open a socket, besides the hub's own; empty = same origin only. */
        allowedOrigins: z.array(z.string().url()).default([]),
        /** Serve HTTPS with this PEM certificate and key (deploy/make-certs.sh makes them); kiosks need it for the camera off localhost. */
        tls: z.object({ certFile: z.string().min(1), keyFile: z.string().min(1) }).strict().optional(),
      })
      .strict()
      .prefault({}),
    /**
     * Socket.IO's heartbeat: the hub pings every device this often and drops one that has not answered this
     * long after; a device drops a hub it has not heard from for both together, then reconnects by itself.
     */
    realtime: z
      .object({
        pingIntervalSeconds: z.number().min(0.1).max(3600).default(25),
        pingTimeoutSeconds: z.number().min(0.1).max(3600).default(20),
      })
      .strict()
      .prefault({}),
    database: z.object({ file: z.string().min(1).default('data/hub.sqlite') }).strict().prefault({}),
    /** Online backups of the database while the hub runs (the SQLite backup API), kept keepDays. */
    backup: z
      .object({
        /** Where backups go; default: backups/ beside the database file. */
        dir: z.string().min(1).optional(),
        /** Hours between backups; 0 = no scheduled backups (the pre-upgrade one is still taken). */
        everyHours: z.number().min(0).max(24 * 31).default(24),
        /** Scheduled backups older than this are deleted after each new one. */
        keepDays: z.number().min(0.01).max(3650).default(14),
      })
      .strict()
      .prefault({}),
    catalog: z.object({ file: z.string().min(1).optional() }).strict().prefault({}),
    admin: z.object({ token: z.string().min(16, 'use at least 16 characters').optional() }).strict().prefault({}),
    /** GET /metrics: open on the store LAN unless a token is set; then a scraper sends `Authorization: Bearer <token>`. */
    metrics: z.object({ token: z.string().min(16, 'use at least 16 characters').optional() }).strict().prefault({}),
    lanes: lanesSchema,
    /** Devices pre-provisioned with a token (an installer's alternative to pairing codes); tokens are stored hashed. */
    devices: z
      .array(
        z
          .object({
            id,
            kind: z.enum(DEVICE_KINDS),
            laneId: id.optional(),
            name: z.string().optional(),
            token: z.string().min(16, 'use at least 16 characters'),
          })
          .strict(),
      )
      .default([]),
    barcodes: z
      .object({
        ownPrefixes: z
          .object({ loyalty: z.string().default('LOY'), coupon: z.string().default('CPN'), staff: z.string().default('STF') })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    limits: z
      .object({
        maxLineQuantity: z.number().int().min(1).max(999).default(99),
        maxLines: z.number().int().min(1).max(1000).default(200),
        /** Sustained events per second one device may send, and the burst above it. */
        eventsPerSecond: z.number().positive().default(20),
        eventBurst: z.number().int().min(1).default(60),
        maxMessageBytes: z.number().int().min(1024).max(10_000_000).default(64 * 1024),
        /** How long a replayed idempotency key still gets its original answer. */
        idempotencyHours: z.number().positive().default(48),
      })
      .strict()
      .prefault({}),
    checkout: z
      .object({
        /** How long the thank-you (and the receipt number) shows before the lane waits for the next shopper. */
        thankYouSeconds: z.number().min(0).max(600).default(8),
        /** A kiosk with an unpaid basket and no touch or scan for this long asks "still there?"… */
        idleSeconds: z.number().min(5).max(3600).default(90),
        /** …and cancels the basket this long after asking. */
        stillThereSeconds: z.number().min(5).max(600).default(30),
        /** First pause before asking a terminal again about a payment whose answer was lost. */
        statusRetryMs: z.number().int().min(10).max(60_000).default(2000),
        /** Pause before a failing printer is tried again. */
        printRetryMs: z.number().int().min(10).max(600_000).default(5000),
      })
      .strict()
      .prefault({}),
    staff: z
      .object({
        /** Wrong PINs in a row before a staff member is locked out… */
        maxFailures: z.number().int().min(3).max(20).default(5),
        /** …and for how long. */
        lockoutSeconds: z.number().int().min(1).max(86_400).default(900),
        /** A device that sent 3 wrong PINs in 10 minutes waits this long per answer, doubling to 8 times it. */
        guessDelaySeconds: z.number().min(0).max(60).default(1),
        /** A staff session with no staff action for this long ends (the station signs out). */
        idleSignOutSeconds: z.number().int().min(1).max(86_400).default(900),
        /** Admin work (staff, devices, audit) asks for the PIN again after this long without it. */
        adminReauthSeconds: z.number().int().min(1).max(86_400).default(900),
        /** The staff menu at a lane's kiosk ends after this long untouched. */
        laneMenuSeconds: z.number().int().min(1).max(3600).default(120),
        /** A badge alone (no PIN) opens the staff menu at a lane; stations always ask for the PIN. */
        badgeOnlyAtLane: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
    interventions: z
      .object({
        /** Removing a line or lowering a quantity needs staff once the basket holds this many items; 0 = never. */
        voidAfterItems: z.number().int().min(0).max(1000).default(10),
        /** A line's quantity above this needs staff (up to limits.maxLineQuantity, which is refused); 0 = never. */
        quantityApprovalAbove: z.number().int().min(0).max(999).default(20),
        /** Which reasons staff may resolve from the attendant station; the rest only at the lane. */
        remote: z
          .object({
            'age-check': z.boolean().default(false),
            'void-approval': z.boolean().default(true),
            'price-override': z.boolean().default(true),
            help: z.boolean().default(true),
            'payment-failed': z.boolean().default(true),
            'unknown-item': z.boolean().default(true),
            'quantity-limit': z.boolean().default(true),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    pairing: z
      .object({
        /** How long a device's one-time pairing code is valid. */
        codeSeconds: z.number().int().min(1).max(86_400).default(900),
        /** Wrong codes one address may try per minute before it must wait. */
        attemptsPerMinute: z.number().int().min(1).max(1000).default(10),
      })
      .strict()
      .prefault({}),
    upstream: z
      .object({
        /** Where the outbox goes: NDJSON files (default), head office over HTTP, or NATS JetStream. */
        sink: z
          .discriminatedUnion('kind', [
            z.object({ kind: z.literal('file'), dir: z.string().min(1).optional() }).strict(),
            z
              .object({
                kind: z.literal('http'),
                url: z.url({ protocol: /^https?$/ }),
                token: z.string().min(16).optional(),
                timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
              })
              .strict(),
            z
              .object({
                kind: z.literal('nats'),
                servers: z.array(z.string().min(1)).min(1),
                stream: z.string().regex(/^[A-Za-z0-9_-]+$/).default('SALES'),
                subjectPrefix: z.string().regex(/^[A-Za-z0-9_-]+$/).default('sales'),
                timeoutMs: z.number().int().min(100).max(120_000).default(5000),
                /** De-duplication window of a stream the hub creates. */
                duplicateWindowMs: z.number().int().min(1000).max(86_400_000).default(120_000),
                ...natsAuth,
              })
              .strict(),
          ])
          .default({ kind: 'file' }),
        /** Head office's messages (catalog deltas, consent, erasure) from a JetStream stream; the HTTP import works without it. */
        downstream: z
          .object({
            kind: z.literal('nats'),
            servers: z.array(z.string().min(1)).min(1),
            stream: z.string().regex(/^[A-Za-z0-9_-]+$/).default('HQ'),
            subjectPrefix: z.string().regex(/^[A-Za-z0-9_-]+$/).default('hq'),
            /** Durable consumer name; default hub-<store id>. */
            durable: z.string().regex(/^[A-Za-z0-9_-]+$/).optional(),
            /** At a store leaf node: head office's JetStream domain (and stream). */
            headOffice: z.object({ domain: z.string().min(1), stream: z.string().optional() }).strict().optional(),
            ackWaitMs: z.number().int().min(1000).max(3_600_000).default(60_000),
            retryDelayMs: z.number().int().min(10).max(3_600_000).default(5000),
            timeoutMs: z.number().int().min(100).max(120_000).default(5000),
            ...natsAuth,
          })
          .strict()
          .optional(),
        /** Events per delivery. */
        batchSize: z.number().int().min(1).max(1000).default(100),
        /** Longest pause between attempts while the sink fails. */
        retryMaxSeconds: z.number().min(0.01).max(3600).default(60),
        /** Delivered events stay in the outbox this long. */
        keepDays: z.number().min(0).max(3650).default(30),
        /** Key of the HMAC that turns a member id into the pseudonym head office sees; without it no member data leaves the store. */
        pseudonymKey: z.string().min(32, 'use at least 32 characters').optional(),
      })
      .strict()
      .prefault({}),
    deposit: depositSchema,
    /** The back office: the attendant station's printer, for refund slips made there and X/Z reports. */
    backOffice: z.object({ printer: printerSchema.optional() }).strict().prefault({}),
    restaurant: restaurantSchema,
    log: z.object({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info') }).strict().prefault({}),
  })
  .strict()
  .superRefine((c, ctx) => {
    for (const problem of validateOwnPrefixes(c.barcodes.ownPrefixes)) {
      ctx.addIssue({ code: 'custom', path: ['barcodes', 'ownPrefixes'], message: problem });
    }
    if (!ageRuleCountries.includes(c.store.country)) {
      ctx.addIssue({ code: 'custom', path: ['store', 'country'], message: `no age rules for ${c.store.country} yet (have: ${ageRuleCountries.join(', ')})` });
    }
    const usesNats = c.upstream.sink.kind === 'nats' || c.upstream.downstream !== undefined;
    if (usesNats && c.store.id.includes('.')) ctx.addIssue({ code: 'custom', path: ['store', 'id'], message: 'a NATS subject cannot hold a dot: use letters, digits, _ and - in the store id' });
    const lanes = new Set(c.lanes.map((l) => l.id));
    c.devices.forEach((d, i) => {
      if (d.laneId && !lanes.has(d.laneId)) ctx.addIssue({ code: 'custom', path: ['devices', i, 'laneId'], message: `no lane "${d.laneId}"` });
      const laneless = d.kind === 'staff' || d.kind === 'kitchen' || d.kind === 'board';
      if (!laneless && !d.laneId) ctx.addIssue({ code: 'custom', path: ['devices', i, 'laneId'], message: `a ${d.kind} needs a laneId` });
      if (laneless && d.kind !== 'staff' && d.laneId) ctx.addIssue({ code: 'custom', path: ['devices', i, 'laneId'], message: `a ${d.kind} belongs to no lane` });
    });
  });

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses a config object; a bad value throws a ConfigError naming the key. */
export function parseConfig(input: unknown): Config {
  const result = configSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/**
 * SELFSERVE_HTTP_PORT=8080 sets http.port: after the prefix, each `_` steps one level down, matching
 * keys case-insensitively. Values are read as JSON when they parse (numbers, booleans, arrays), else text.
 */
export function configFromEnv(env: NodeJS.ProcessEnv, prefix = 'SELFSERVE_'): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith(prefix) || value === undefined || name === `${prefix}CONFIG`) continue;
    const keys = resolveKeys(name.slice(prefix.length).toLowerCase().split('_').filter(Boolean));
    if (!keys) continue;
    let node = out;
    for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, Json>;
    node[keys.at(-1)!] = readJson(value);
  }
  return out;
}

/** Maps lower-case path parts onto the schema's camelCase keys; null when a part names no key. */
function resolveKeys(parts: string[]): string[] | null {
  let schema: unknown = configSchema;
  const keys: string[] = [];
  for (const part of parts) {
    const shape = shapeOf(schema);
    const key = shape && Object.keys(shape).find((k) => k.toLowerCase() === part);
    if (!shape || !key) return null;
    keys.push(key);
    schema = shape[key];
  }
  return keys.length ? keys : null;
}

/** The object shape behind defaults and prefaults, if the schema is an object. */
function shapeOf(schema: unknown): Record<string, unknown> | null {
  let s = schema as { shape?: Record<string, unknown>; def?: { innerType?: unknown } } | undefined;
  for (let i = 0; s && i < 5; i++) {
    if (s.shape) return s.shape;
    s = s.def?.innerType as typeof s;
  }
  return null;
}

function readJson(value: string): Json {
  try {
    return JSON.parse(value) as Json;
  } catch {
    return value;
  }
}

/** Deep merge of plain objects; arrays and scalars from `over` replace those in `base`. */
export function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) continue;
    const b = out[k];
    out[k] = isPlain(b) && isPlain(v) ? merge(b, v) : v;
  }
  return out;
}
const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read configuration file ${file}: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    throw new ConfigError(`configuration file ${file} is not valid JSON: ${(err as Error).message}`);
  }
}
