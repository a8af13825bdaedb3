/** Serves the built kiosk and display apps, and a start page linking every surface. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';

export interface Surface {
  title: string;
  url: string;
}

export function staticRoutes(root: string, surfaces: () => Surface[]): Router {
  const router = Router();
  for (const app of ['kiosk', 'display']) {
    const dist = join(root, app, 'dist');
    router.use(`/${app}`, express.static(dist, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForHtml }));
    router.get(`/${app}`, (_req, res) => res.redirect(301, `/${app}/`));
    router.get(`/${app}/*rest`, (_req, res) => {
      const index = join(dist, 'index.html');
      if (existsSync(index)) res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } });
      else res.status(503).type('text/plain').send(`The ${app} app is not built: run "npm run build".`);
    });
  }
  router.get('/', (_req, res) => {
    const links = surfaces().map((s) => `<li><a href="${escapeHtml(s.url)}">${escapeHtml(s.title)}</a></li>`).join('');
    res.type('html').send(`<!doctype html><html lang="en"><meta charset="utf-8"><title>Self-service hub</title>
<body style="font-family:system-ui;max-width:40rem;margin:2rem auto"><h1>Self-service hub</h1><ul>${links}</ul></body></html>`);
  });
  return router;
}

function noCacheForHtml(res: express.Response, path: string) {
  if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
