/** Admin HTTP routes behind the bearer token of the configuration: catalog import. */
import { timingSafeEqual } from 'node:crypto';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { CatalogService } from '../../services/catalog/catalog.service.js';
import type { LanesService } from '../../services/lanes/lanes.service.js';

export interface AdminDeps {
  token: string | undefined;
  catalog: CatalogService;
  lanes: LanesService;
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
      const result = await deps.catalog.import(req.body, format);
      if (!result.ok) {
        return res.status(400).json({ ok: false, error: { code: 'bad-payload', message: `${result.issues.length} problem(s); nothing was imported` }, issues: result.issues });
      }
      await deps.lanes.refreshAll();
      res.json({ ok: true, data: result.counts });
    },
  );
  return router;
}
