// The Vite config both apps build with: Vue, the workspaces compiled from their TS source, vue-i18n's flags, the hub proxy.
// Plain JS, since Node loads it as it is: Vite bundles only an app's own config file and leaves packages to Node.
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const hub = 'http://127.0.0.1:3000';
/** @param {string} path relative to this file */
const source = (path) => fileURLToPath(new URL(path, import.meta.url));

/**
 * @param {string} base where the hub serves the app, e.g. /kiosk/
 * @returns {import('vite').UserConfig}
 */
export function appConfig(base) {
  return defineConfig({
    base,
    plugins: [vue()],
    resolve: {
      // Exact names only, so @selfserve/ui/base.css still resolves through the package's exports.
      alias: [
        { find: /^@selfserve\/shared$/, replacement: source('../../shared/src/index.ts') },
        { find: /^@selfserve\/shared\/pure$/, replacement: source('../../shared/src/pure.ts') },
        { find: /^@selfserve\/ui$/, replacement: source('../src/index.ts') },
      ],
    },
    // vue-i18n's compile-time flags: Composition API only, no devtools in production.
    define: {
      __VUE_I18N_FULL_INSTALL__: 'true',
      __VUE_I18N_LEGACY_API__: 'false',
      __INTLIFY_PROD_DEVTOOLS__: 'false',
    },
    build: { outDir: 'dist', emptyOutDir: true },
    server: {
      proxy: {
        '/socket.io': { target: hub, ws: true },
        '/api': hub,
        '/healthz': hub,
      },
    },
  });
}
