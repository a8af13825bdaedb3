/** The electronic journal for the manager: export a date range (JSON or CSV) and verify the chain. Mounted behind the manager routes' checks. */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { journalCsv, type JournalService } from '../../services/journal/journal.service.js';
import { addDays, dayStart } from '../../services/insights/local-time.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');
const exportQuery = z.object({ from: day, to: day, format: z.enum(['json', 'csv']).default('json') }).strict();

export function journalRoutes(deps: { journal: JournalService; timeZone: string }, allow: (req: Request, res: Response, next: () => void) => void): Router {
  const router = Router();
  router.get('/api/manager/journal/verify', allow, async (_req: Request, res: Response) => {
    res.json({ ok: true, data: await deps.journal.verify() });
  });
  router.get('/api/manager/journal', allow, async (req: Request, res: Response) => {
    const q = exportQuery.parse(req.query);
    if (q.to < q.from) throw new z.ZodError([{ code: 'custom', path: ['to'], message: 'the range ends before it starts', input: q.to }]);
    const records = await deps.journal.records(dayStart(q.from, deps.timeZone).toISOString(), dayStart(addDays(q.to, 1), deps.timeZone).toISOString());
    const name = `journal-${q.from}${q.to === q.from ? '' : `_${q.to}`}`;
    if (q.format === 'csv') res.type('text/csv; charset=utf-8').attachment(`${name}.csv`).send(journalCsv(records));
    else res.type('application/json').attachment(`${name}.json`).send(JSON.stringify({ from: q.from, to: q.to, records }, null, 1));
  });
  return router;
}
