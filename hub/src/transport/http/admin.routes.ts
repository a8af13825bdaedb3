/** Admin HTTP routes behind the bearer token of the configuration: catalog import. */
import { timingSafeEqual } from 'node:crypto';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { CatalogService } from '../../services/catalog/catalog.service.js';
import type { LanesService } from '../../services/lanes/lanes.service.js';
import { applyHeadOfficeDelta } from '../../services/catalog/head-office.js';

export interface AdminDeps {
  token: string | undefined;
  catalog: CatalogService;
  lanes: LanesService;
  /** The pseudonym of a member in events, or null (no key): to scrub unsent events on withdrawal or erasure. */
  pseudonym: (memberId: string) => string | null;
}

function bearer(token: string | undefined) {
  const expected = token ? Buffer.from(token) : null;
  return (req: Request, res: Response, next: NextFunction) => {
    const given = Buffer.from(/^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '');
    if (!expected) return res.status(403).json({ ok: false, error: { code: 'unauthorized', message: 'admin routes are off: set admin.token in the configuration' } });
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return res.status(401).json({ ok: false, error: { code: 'unauthorized', message: 'a valid admin bearer token is required' } });
    }
    next();
  };
}

export function adminRoutes(deps: AdminDeps): Router {
  const router = Router();
  router.use('/api/admin', bearer(deps.token));
  router.post(
    '/api/admin/catalog',
    express.text({ type: ['application/json', 'text/csv', 'text/plain'], limit: '50mb' }),
    async (req, res) => {
      const type = req.get('content-type') ?? '';
      const format = req.query.format === 'csv' || type.startsWith('text/csv') ? 'csv' : 'json';
      if (typeof req.body !== 'string' || req.body.length === 0) {
        return res.status(400).json({ ok: false, error: { code: 'bad-payload', message: 'send the catalog as application/json or text/csv' } });
      }
      const version = req.query.version === undefined ? undefined : Number(req.query.version);
      if (version !== undefined && !(Number.isSafeInteger(version) && version > 0)) {
        return res.status(400).json({ ok: false, error: { code: 'bad-payload', message: 'version must be a whole number above 0' } });
      }
      const result = await deps.catalog.import(req.body, format, version);
      if (!result.ok) return refuse(res, result);
      if (result.applied) await deps.lanes.refreshAll();
      res.json({ ok: true, data: { ...result.counts, applied: result.applied, version: result.version } });
    },
  );

  /** Head office's delta: products, promotions, members to add, replace or remove; consent; erasure. */
  router.post('/api/admin/catalog/delta', express.json({ limit: '50mb' }), async (req, res) => {
    const result = await applyHeadOfficeDelta(req.body, deps);
    if (!result.ok) return refuse(res, result);
    res.json({ ok: true, data: { ...result.counts, applied: result.applied, version: result.version } });
  });
  return router;
}

/** A refused import: 409 for an older version, else 400 naming each bad row; nothing was applied. */
function refuse(res: Response, result: { stale?: true; issues: Array<{ line: number | null; path: string; message: string }> }) {
  const code = result.stale ? 'conflict' : 'bad-payload';
  const message = result.stale ? result.issues[0]!.message : `${result.issues.length} problem(s); nothing was imported`;
  res.status(result.stale ? 409 : 400).json({ ok: false, error: { code, message }, issues: result.issues });
}
