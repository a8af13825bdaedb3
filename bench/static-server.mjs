// A static server for the camera bench page: bench/camera-page/ at /, and the zxing packages' ESM files
// (resolved as the kiosk resolves them) at /node_modules/<package>/…, adding the ".js" or "/index.js"
// that their extensionless relative imports leave out.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGE = join(ROOT, 'bench', 'camera-page');
const fromKiosk = createRequire(join(ROOT, 'kiosk', 'package.json'));
const packageDir = (name, require = fromKiosk) => dirname(require.resolve(`${name}/package.json`));
const browserDir = packageDir('@zxing/browser');
const libraryDir = dirname(createRequire(join(browserDir, 'package.json')).resolve('@zxing/library/package.json'));
const PACKAGES = {
  '@zxing/browser': browserDir,
  '@zxing/library': libraryDir,
  'ts-custom-error': dirname(createRequire(join(libraryDir, 'package.json')).resolve('ts-custom-error/package.json')),
};
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.map': 'application/json' };

const isFile = (f) => {
  try {
    return statSync(f).isFile();
  } catch {
    return false;
  }
};

/** The file for a URL path, or null. Never leaves the page folder or the packages' folders. */
function resolvePath(pathname) {
  let base = PAGE;
  let rest = pathname;
  if (pathname.startsWith('/node_modules/')) {
    const name = Object.keys(PACKAGES).find((n) => pathname.startsWith(`/node_modules/${n}/`));
    if (!name) return null;
    base = PACKAGES[name];
    rest = pathname.slice(`/node_modules/${name}`.length);
  }
  const file = normalize(join(base, decodeURIComponent(rest)));
  if (file !== base && !file.startsWith(base + sep)) return null;
  for (const candidate of [file, `${file}.js`, join(file, 'index.js'), join(file, 'index.html')]) if (isFile(candidate)) return candidate;
  return null;
}

/** Starts the server on a free loopback port; resolves with its URL and a close function. */
export function startStaticServer() {
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://x');
    const file = resolvePath(pathname);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    // A folder import ("./readers") is redirected to its index.js, so that the index's own relative imports
    // resolve inside the folder; "./Foo" is served as Foo.js in place (zxing spells every import the same way).
    if (file.endsWith(`${sep}index.js`) && !pathname.endsWith('/index.js') && pathname.startsWith('/node_modules/')) {
      res.writeHead(302, { location: `${pathname.replace(/\/$/, '')}/index.js` }).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'max-age=3600' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) }),
    );
  });
}
