/** GET /healthz: is the database answering, is the catalog loaded, which devices are connected, how far upstream delivery is. */
import { Router } from 'express';
import { isStorageFull, type Database } from '../../storage/db.js';
import type { CatalogService } from '../../services/catalog/catalog.service.js';
import type { RelayStatus } from '../../upstream/relay.js';

export interface HealthDeps {
  db: Database;
  catalog: CatalogService;
  connectedDevices: () => Array<{ deviceId: string; kind: string; laneId: string | null }>;
  startedAt: Date;
  upstream: () => Promise<RelayStatus>;
}

export function healthRoutes(deps: HealthDeps): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    let database: 'ok' | string = 'ok';
    let upstream: RelayStatus | null = null;
    try {
      await deps.db.get('SELECT 1');
      upstream = await deps.upstream();
      if (deps.db.storageFull) database = 'full: the disk has no room; selling is stopped until there is';
    } catch (err) {
      database = isStorageFull(err) ? 'full: the disk has no room; selling is stopped until there is' : `error: ${(err as Error).message}`;
    }
    const healthy = database === 'ok';
    res.status(healthy ? 200 : 503).json({
      ok: healthy,
      database,
      catalog: deps.catalog.counts(),
      devices: deps.connectedDevices(),
      upstream,
      uptimeSeconds: Math.round((Date.now() - deps.startedAt.getTime()) / 1000),
    });
  });
  return router;
}
