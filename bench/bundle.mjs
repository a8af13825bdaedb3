// Initial download of the kiosk and display apps: what dist/index.html loads at start (entry script, its
// statically imported chunks — modulepreload links and the entry's own static imports, followed
// transitively — and stylesheets), gzipped at level 9 file by file; and the lazily imported chunks beside it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const APPS = [
  { name: 'kiosk', targetBytes: 150_000 },
  { name: 'display', targetBytes: 100_000 },
];

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const attr = (tag, name) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];

/** Static imports of an ES module chunk ("./x.js"), not `import("./x.js")`. */
const staticImports = (code) =>
  [...code.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g)].map((m) => m[1]);

function measureApp({ name, targetBytes }) {
  const dist = join(ROOT, name, 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  // index.html's URLs carry the app's base (/kiosk/…); files are relative to dist.
  const toFile = (url) => url.replace(new RegExp(`^(https?://[^/]+)?/${name}/`), '').replace(/^\.?\//, '');
  const scripts = [];
  const styles = [];
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    if (/^<script/i.test(tag) && /type\s*=\s*["']module["']/i.test(tag) && attr(tag, 'src')) scripts.push(toFile(attr(tag, 'src')));
    const rel = attr(tag, 'rel');
    if (rel === 'modulepreload') scripts.push(toFile(attr(tag, 'href')));
    if (rel === 'stylesheet') styles.push(toFile(attr(tag, 'href')));
  }
  const initial = new Set();
  const visit = (file) => {
    if (initial.has(file)) return;
    initial.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const spec of staticImports(code)) if (spec.startsWith('.')) visit(posix.join(posix.dirname(file), spec));
  };
  scripts.forEach(visit);
  const files = [...initial].map((file) => ({ file, kind: 'js', ...sizes(join(dist, file)) }));
  files.push(...styles.map((file) => ({ file, kind: 'css', ...sizes(join(dist, file)) })));
  const lazy = readdirSync(join(dist, 'assets'))
    .map((f) => `assets/${f}`)
    .filter((f) => /\.(js|css)$/.test(f) && !files.some((x) => x.file === f))
    .map((file) => ({ file, kind: file.endsWith('.css') ? 'css' : 'js', ...sizes(join(dist, file)) }));
  const sum = (xs, key) => xs.reduce((s, x) => s + x[key], 0);
  return {
    name,
    targetBytes,
    files,
    lazy,
    jsGzip: sum(files.filter((f) => f.kind === 'js'), 'gzip'),
    cssGzip: sum(files.filter((f) => f.kind === 'css'), 'gzip'),
    gzip: sum(files, 'gzip'),
    raw: sum(files, 'raw'),
    lazyGzip: sum(lazy, 'gzip'),
  };
}

function sizes(path) {
  const buf = readFileSync(path);
  return { raw: buf.length, gzip: gz(buf) };
}

export function runBundle() {
  const apps = APPS.map(measureApp);
  for (const a of apps) console.log(`bundle ${a.name}: initial ${kb(a.gzip)} kB gzip (JS ${kb(a.jsGzip)}, CSS ${kb(a.cssGzip)}), lazy ${kb(a.lazyGzip)} kB`);
  return apps;
}

const kb = (bytes) => (bytes / 1000).toFixed(1);

export function bundleMarkdown(apps) {
  const rows = apps.map(
    (a) =>
      `| ${a.name} | ${a.files.filter((f) => f.kind === 'js').length} + ${a.files.filter((f) => f.kind === 'css').length} | ${kb(a.raw)} | ${kb(a.jsGzip)} | ${kb(a.cssGzip)} | **${kb(a.gzip)}** | ≤ ${kb(a.targetBytes)} | ${a.gzip <= a.targetBytes ? 'met' : 'NOT met'} |`,
  );
  const fileRows = apps.flatMap((a) => [
    ...a.files.map((f) => `| ${a.name} | initial | \`${f.file}\` | ${kb(f.raw)} | ${kb(f.gzip)} |`),
    ...a.lazy.map((f) => `| ${a.name} | lazy | \`${f.file}\` | ${kb(f.raw)} | ${kb(f.gzip)} |`),
  ]);
  return `## Initial download of the kiosk and display apps

What \`dist/index.html\` loads at start: the entry script, the chunks it imports statically (modulepreload
links and static \`import\`s, followed through), and its stylesheets — not lazily imported chunks (the zxing
decoder loads only when a camera starts). Each file gzipped on its own with node:zlib at level 9, as a
server would send it; kB = 1,000 bytes. The target counts JS and CSS together.

| app | JS + CSS files | raw kB | JS gzip kB | CSS gzip kB | gzip kB | target | |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |
${rows.join('\n')}

| app | loaded | file | raw kB | gzip kB |
| --- | --- | --- | ---: | ---: |
${fileRows.join('\n')}
`;
}
