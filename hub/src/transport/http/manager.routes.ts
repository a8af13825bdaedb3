/**
 * The manager view's HTTP routes: staff, devices and pairing, the audit log and its CSV, the store's
 * insights and their CSV, how far upstream delivery is, and the electronic journal. Each call
 * carries the station's device token, the staff session and its CSRF token; the Origin must be the
 * hub's own (or allowed); after the station sat idle the PIN is asked for again.
 */
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import {
  adminAuditQuery,
  adminCreateDeviceBody,
  adminCreateStaffBody,
  adminSetActiveBody,
  insightsQuery,
  mayDo,
  type AuditRecord,
  type StaffAction,
  type UpstreamStatus,
} from '@selfserve/shared';
import { DeviceError, type DeviceRegistry } from '../../services/devices.service.js';
import { StaffError, toCsv, type AuditService, type StaffService } from '../../services/staff/index.js';
import { InsightsRangeError, insightsCsv, type InsightsService } from '../../services/insights/index.js';
import type { StaffSession, StaffSessions } from '../../services/staff/sessions.js';
import { originAllowed } from './origin.js';
import { journalRoutes } from './journal.routes.js';
import type { JournalService } from '../../services/journal/journal.service.js';
import { badPayload, failure } from './answers.js';

export interface ManagerDeps {
  devices: DeviceRegistry;
  staff: StaffService;
  audit: AuditService;
  sessions: StaffSessions;
  allowedOrigins: readonly string[];
  /** Cuts a revoked device off at once. */
  disconnectDevice: (deviceId: string) => void;
  insights: InsightsService;
  /** The outbox relay's status. */
  upstream: () => Promise<UpstreamStatus>;
  journal: JournalService;
  timeZone: string;
}

type Authed = Request & { session?: StaffSession };

const STATUS = { 'invalid-input': 400, duplicate: 409, 'not-found': 404, 'invalid-code': 400 } as const;

/**
 * What the station reads by itself on a timer (the upstream panel) rather than at a manager's touch:
 * it neither asks for the PIN again nor counts as staff activity, so an open panel never keeps an idle
 * station signed in.
 */
const PASSIVE_READS = new Set(['/api/manager/upstream']);
const passive = (req: Request) => req.method === 'GET' && PASSIVE_READS.has(req.baseUrl + req.path);

export function managerRoutes(deps: ManagerDeps): Router {
  const router = Router();

  router.use('/api/manager', async (req: Authed, res: Response, next: NextFunction) => {
    const origin = req.get('origin');
    if (!originAllowed(origin, req.get('host'), deps.allowedOrigins)) return failure(res, 403, 'unauthorized', 'this origin may not use the manager routes');
    if (req.method !== 'GET' && !origin) return failure(res, 403, 'unauthorized', 'a change must come from the hub\'s own page (no Origin header)');
    const token = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '';
    const device = await deps.devices.identify(token);
    if (!device || device.kind !== 'staff') return failure(res, 401, 'unauthorized', 'only a paired attendant station may do this');
    const session = deps.sessions.get(req.get('x-staff-session') ?? undefined, device.deviceId);
    if (!session) return failure(res, 401, 'signed-out', 'sign in as staff first (or again: the session ended)');
    if (req.get('x-csrf-token') !== session.csrf) return failure(res, 403, 'unauthorized', 'the CSRF token is missing or wrong');
    if (deps.sessions.needsReauth(session) && !passive(req)) return failure(res, 401, 'reauth-required', 'type your PIN again: the station sat idle');
    req.session = session;
    next();
  });

  const allow = (action: StaffAction) => (req: Authed, res: Response, next: NextFunction) => {
    const s = req.session!;
    if (!mayDo(s.staff.role, action)) return failure(res, 403, 'unauthorized', `a ${s.staff.role} may not ${action}`);
    if (!passive(req)) deps.sessions.admin(s);
    next();
  };
  const by = (req: Authed) => ({ actor: req.session!.staff.id, deviceId: req.session!.deviceId, method: 'pin' as const });
  const json = express.json({ limit: '16kb' });
  const run = (fn: (req: Authed, res: Response) => Promise<unknown>) => async (req: Authed, res: Response) => {
    try {
      res.json({ ok: true, data: await fn(req, res) });
    } catch (err) {
      if (err instanceof InsightsRangeError) return failure(res, 400, 'bad-payload', err.message);
      if (err instanceof StaffError || err instanceof DeviceError) return failure(res, STATUS[err.code], err.code === 'duplicate' ? 'duplicate' : err.code === 'not-found' ? 'not-found' : 'bad-payload', err.message);
      throw err;
    }
  };

  router.get('/api/manager/staff', allow('staff:manage'), run(() => deps.staff.list()));
  router.post(
    '/api/manager/staff',
    allow('staff:manage'),
    json,
    run(async (req) => {
      const body = adminCreateStaffBody.parse(req.body);
      return deps.staff.create({ number: body.number, name: body.name, role: body.role, ...(body.badge ? { badge: body.badge } : {}) }, by(req));
    }),
  );
  router.post(
    '/api/manager/staff/:id/active',
    allow('staff:manage'),
    json,
    run(async (req) => {
      const { active } = adminSetActiveBody.parse(req.body);
      const id = String(req.params.id);
      if (!active && id === req.session!.staff.id) throw new StaffError('invalid-input', 'you cannot deactivate yourself');
      const staff = await deps.staff.setActive(id, active, by(req));
      if (!active) deps.sessions.endForStaff(id, 'deactivated');
      return staff;
    }),
  );
  router.post('/api/manager/staff/:id/pin', allow('staff:manage'), run(async (req) => ({ pin: await deps.staff.resetPin(String(req.params.id), by(req)) })));

  router.get('/api/manager/devices', allow('devices:manage'), run(() => deps.devices.list()));
  router.post(
    '/api/manager/devices',
    allow('devices:manage'),
    json,
    run(async (req) => deps.devices.create(adminCreateDeviceBody.parse(req.body), by(req))),
  );
  router.post('/api/manager/devices/:id/code', allow('devices:manage'), run((req) => deps.devices.newCode(String(req.params.id), by(req))));
  router.post(
    '/api/manager/devices/:id/revoke',
    allow('devices:manage'),
    run(async (req) => {
      const id = String(req.params.id);
      if (id === req.session!.deviceId) throw new DeviceError('invalid-input', 'this station cannot revoke itself');
      const device = await deps.devices.revoke(id, by(req));
      deps.disconnectDevice(id);
      return device;
    }),
  );

  const audit = async (req: Authed): Promise<AuditRecord[]> => {
    const q = adminAuditQuery.parse(req.query);
    const rows = await deps.audit.query({ from: q.from, to: q.to, actor: q.actor, action: q.action, laneId: q.laneId, limit: q.limit ?? 500 });
    const names = new Map((await deps.staff.list()).map((s) => [s.id, s.name]));
    return rows.map((r) => ({ ...r, actorName: r.actor ? (names.get(r.actor) ?? null) : null, detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null }));
  };
  router.get('/api/manager/audit', allow('audit:read'), run(async (req) => ({ rows: await audit(req) })));
  router.get('/api/manager/audit.csv', allow('audit:read'), async (req: Authed, res: Response) => {
    const q = adminAuditQuery.parse(req.query);
    const rows = await deps.audit.query({ from: q.from, to: q.to, actor: q.actor, action: q.action, laneId: q.laneId, limit: q.limit ?? 10_000 });
    res.type('text/csv; charset=utf-8').attachment('audit-log.csv').send(toCsv(rows));
  });

  // Insights: the JSON for the view, and the CSV of the same figures (names in the station's language).
  router.get('/api/manager/insights', allow('audit:read'), run((req) => deps.insights.compute(insightsQuery.parse(req.query))));
  router.get('/api/manager/insights.csv', allow('audit:read'), async (req: Authed, res: Response) => {
    const q = insightsQuery.parse(req.query);
    const insights = await deps.insights.compute(q);
    const first = insights.byDay[0]?.day ?? '';
    const last = insights.byDay.at(-1)?.day ?? first;
    res.type('text/csv; charset=utf-8').attachment(`insights-${first}${last === first ? '' : `_${last}`}.csv`).send(insightsCsv(insights, q.lang));
  });
  router.get('/api/manager/upstream', allow('audit:read'), run(() => deps.upstream()));
  router.use(journalRoutes(deps, allow('reports:close')));

  // A body or query that fails its schema is the caller's mistake, answered like any bad payload.
  router.use('/api/manager', (err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (err instanceof z.ZodError) return badPayload(res, err);
    if (err instanceof InsightsRangeError) return failure(res, 400, 'bad-payload', err.message);
    next(err);
  });
  return router;
}
