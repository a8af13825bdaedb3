/** The demo store's device page: printed receipts as the simulated printers decoded them, and the simulated scales' weight. */
import { Router } from 'express';
import type { PrinterSimulator } from '../../devices/printer/index.js';
import type { ScaleSimulator } from '../../devices/scale/index.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function demoReceiptRoutes(simulators: Array<{ laneId: string; sim: PrinterSimulator }>, scales: Array<{ laneId: string; sim: ScaleSimulator }> = []): Router {
  const router = Router();
  const weights = new Map<string, number>(scales.map(({ laneId }) => [laneId, 0]));
  // GET keeps the demo to plain links and forms: /demo/scale?lane=lane-1&grams=1234
  router.get('/demo/scale', (req, res) => {
    const lane = String(req.query.lane ?? '');
    const grams = Number(req.query.grams);
    const scale = scales.find((s) => s.laneId === lane);
    if (!scale || !Number.isInteger(grams) || grams < 0 || grams > 100_000) {
      res.status(400).json({ ok: false, error: { code: 'bad-payload', message: 'give ?lane=<lane id>&grams=<0..100000>' } });
      return;
    }
    scale.sim.setWeight(grams);
    weights.set(lane, grams);
    res.redirect(303, '/demo/receipts');
  });
  router.get('/demo/receipts', (_req, res) => {
    const sections = simulators
      .map(({ laneId, sim }) => {
        const receipts = [...sim.receipts].reverse().slice(0, 20);
        const body = receipts.length
          ? receipts.map((r) => `<pre data-testid="receipt">${escapeHtml(r.text)}</pre>`).join('')
          : '<p>No receipts printed yet.</p>';
        const scale = weights.has(laneId)
          ? `<form action="/demo/scale"><input type="hidden" name="lane" value="${escapeHtml(laneId)}"><label>Scale (grams) <input name="grams" type="number" min="0" max="100000" value="${weights.get(laneId)}"></label> <button>Put on the scale</button></form>`
          : '';
        return `<section><h2>${escapeHtml(laneId)}</h2>${scale}${body}</section>`;
      })
      .join('');
    res.type('html').send(`<!doctype html><html lang="en"><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>Printed receipts</title><body style="font-family:system-ui;margin:2rem">
<h1>Demo devices: scales and printed receipts (newest first)</h1>
<style>pre{background:#fff;border:1px solid #ccc;padding:1rem;width:max-content;font:14px/1.3 monospace}section{display:inline-block;vertical-align:top;margin-right:2rem}</style>
${sections}</body></html>`);
  });
  return router;
}
