/** The demo store's page of printed receipts, as its simulated printers decoded them. */
import { Router } from 'express';
import type { PrinterSimulator } from '../../devices/printer/index.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function demoReceiptRoutes(simulators: Array<{ laneId: string; sim: PrinterSimulator }>): Router {
  const router = Router();
  router.get('/demo/receipts', (_req, res) => {
    const sections = simulators
      .map(({ laneId, sim }) => {
        const receipts = [...sim.receipts].reverse().slice(0, 20);
        const body = receipts.length
          ? receipts.map((r) => `<pre data-testid="receipt">${escapeHtml(r.text)}</pre>`).join('')
          : '<p>No receipts printed yet.</p>';
        return `<section><h2>${escapeHtml(laneId)}</h2>${body}</section>`;
      })
      .join('');
    res.type('html').send(`<!doctype html><html lang="en"><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>Printed receipts</title><body style="font-family:system-ui;margin:2rem">
<h1>Printed receipts (simulated printers, newest first)</h1>
<style>pre{background:#fff;border:1px solid #ccc;padding:1rem;width:max-content;font:14px/1.3 monospace}section{display:inline-block;vertical-align:top;margin-right:2rem}</style>
${sections}</body></html>`);
  });
  return router;
}
