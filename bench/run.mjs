// npm run bench: runs the parts picked by BENCH_ONLY (default all: scan,bundle,camera,photos,outbox) and writes
// BENCHMARKS.md from their sections. Parts: scan — hub scan→ack vs a bare Socket.IO echo (bench/scan.mjs);
// bundle — initial download of the kiosk and display (bench/bundle.mjs); camera — camera start → first
// decode in Chromium (bench/camera.mjs); photos — real barcode photos, camera path vs still (bench/photos.mjs);
// outbox — upstream delivery to NATS JetStream vs raw JetStream publishing (bench/outbox.mjs).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PARTS = {
  scan: async () => {
    const { runScan, scanMarkdown } = await import('./scan.mjs');
    return scanMarkdown(await runScan());
  },
  bundle: async () => {
    const { runBundle, bundleMarkdown } = await import('./bundle.mjs');
    return bundleMarkdown(runBundle());
  },
  camera: async () => {
    const { runCamera, cameraMarkdown } = await import('./camera.mjs');
    return cameraMarkdown(await runCamera());
  },
  photos: async () => {
    const { runPhotos, photosMarkdown } = await import('./photos.mjs');
    return photosMarkdown(await runPhotos());
  },
  outbox: async () => {
    const { runOutbox, outboxMarkdown, startNats, saleEvents } = await import('./outbox.mjs');
    const { outboxDrain, sellingWhileDraining, sellingMarkdown } = await import('./outbox-drain.mjs');
    const drain = outboxMarkdown(await runOutbox({ figures: { 'outbox drain': outboxDrain } }));
    const nats = await startNats();
    try {
      return `${drain}\n${sellingMarkdown(await sellingWhileDraining({ servers: nats.url, makeEvents: saleEvents }))}`;
    } finally {
      await nats.stop();
    }
  },
};

const only = (process.env.BENCH_ONLY ?? Object.keys(PARTS).join(',')).split(',').map((s) => s.trim()).filter(Boolean);
const unknown = only.filter((p) => !PARTS[p]);
if (unknown.length) throw new Error(`BENCH_ONLY: unknown part ${unknown.join(', ')} (parts: ${Object.keys(PARTS).join(', ')})`);

// Each part's section sits between <!-- bench:PART --> markers; a run of some parts keeps the others'
// sections from the existing BENCHMARKS.md.
const file = join(ROOT, 'BENCHMARKS.md');
const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
const earlier = (part) => new RegExp(`<!-- bench:${part} -->\\n([\\s\\S]*?)<!-- /bench:${part} -->`).exec(previous)?.[1];
const sections = [];
for (const part of Object.keys(PARTS)) {
  let text;
  if (only.includes(part)) {
    const started = Date.now();
    console.log(`— ${part}`);
    text = await PARTS[part]();
    console.log(`— ${part} took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } else {
    text = earlier(part);
    if (text === undefined) continue;
    if (!text.includes('(kept from an earlier run)')) text = text.replace(/^(## .*)$/m, '$1 (kept from an earlier run)');
  }
  sections.push(`<!-- bench:${part} -->\n${text}<!-- /bench:${part} -->\n`);
}

const md = `# Benchmarks

Written by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, Node ${process.version}${
  only.length < Object.keys(PARTS).length ? `, parts: ${only.join(', ')} (\`BENCH_ONLY\`)` : ''
}.
\`BENCH_ONLY=scan,bundle,camera,photos,outbox\` picks the parts.

${sections.join('\n')}`;
writeFileSync(file, md);
console.log(md);
