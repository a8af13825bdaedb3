/** GET /metrics: the Prometheus text exposition; open on the store LAN unless metrics.token is set. */
import { timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { Logger } from 'pino';
import { failure } from './answers.js';

export interface MetricsRouteDeps {
  /** When set, a scraper must send `Authorization: Bearer <token>`. */
  token: string | undefined;
  text: () => Promise<{ contentType: string; body: string }>;
  log: Logger;
}

export function metricsRoutes(deps: MetricsRouteDeps): Router {
  const router = Router();
  const expected = deps.token ? Buffer.from(deps.token) : null;
  router.get('/metrics', async (req, res) => {
    if (expected) {
      const given = Buffer.from(/^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return failure(res, 401, 'unauthorized', 'a valid metrics bearer token is required');
    }
    try {
      const { contentType, body } = await deps.text();
      res.set('Cache-Control', 'no-store').type(contentType).send(body);
    } catch (err) {
      deps.log.error({ err }, 'metrics could not be collected');
      failure(res, 500, 'internal', 'the metrics could not be collected; staff can see why in the log');
    }
  });
  return router;
}
