/** A new screen exchanges its one-time code for a token; in demo mode a screen on the hub's machine pairs itself. */
import express, { Router, type Request, type Response } from 'express';
import { autoPairBody, pairBody } from '@selfserve/shared';
import { DeviceError, type DeviceRegistry } from '../../services/devices.service.js';
import { originAllowed } from './origin.js';
import { badPayload, failure } from './answers.js';

export interface PairingDeps {
  devices: DeviceRegistry;
  /** The --demo flag: never set in production. */
  demo: boolean;
  allowedOrigins: readonly string[];
  attemptsPerMinute: number;
  now: () => number;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function pairingRoutes(deps: PairingDeps): Router {
  const router = Router();
  /** Wrong codes per address in the current minute: 10⁶ codes cannot be walked through. */
  const failures = new Map<string, { minute: number; count: number }>();
  const json = express.json({ limit: '1kb' });

  router.use('/api/pair', (req: Request, res: Response, next) => {
    if (!originAllowed(req.get('origin'), req.get('host'), deps.allowedOrigins)) return failure(res, 403, 'unauthorized', 'this origin may not pair devices');
    next();
  });

  router.post('/api/pair', json, async (req, res) => {
    const from = req.socket.remoteAddress ?? 'unknown';
    const minute = Math.floor(deps.now() / 60_000);
    const seen = failures.get(from);
    if (seen && seen.minute === minute && seen.count >= deps.attemptsPerMinute) {
      return failure(res, 429, 'rate-limited', 'too many wrong codes from this screen: wait a minute and try again');
    }
    const parsed = pairBody.safeParse(req.body);
    if (!parsed.success) return badPayload(res, parsed.error);
    try {
      res.json({ ok: true, data: await deps.devices.pair(parsed.data.code, from) });
    } catch (err) {
      if (!(err instanceof DeviceError)) throw err;
      if (failures.size > 10_000) failures.clear();
      failures.set(from, { minute, count: seen && seen.minute === minute ? seen.count + 1 : 1 });
      failure(res, 401, 'unauthorized', err.message);
    }
  });

  router.post('/api/pair/auto', json, async (req, res) => {
    const remote = req.socket.remoteAddress ?? '';
    if (!deps.demo || !LOOPBACK.has(remote)) return failure(res, 403, 'unauthorized', 'this hub pairs screens with a code from the manager');
    const parsed = autoPairBody.safeParse(req.body);
    if (!parsed.success) return badPayload(res, parsed.error);
    try {
      res.json({ ok: true, data: await deps.devices.autoPair(parsed.data) });
    } catch (err) {
      if (!(err instanceof DeviceError)) throw err;
      failure(res, 400, 'bad-payload', err.message);
    }
  });
  return router;
}
