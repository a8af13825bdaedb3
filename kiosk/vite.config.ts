// Vite build of the kiosk: served by the hub at /kiosk/, compiling @selfserve/shared from its TS source.
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const hub = 'http://127.0.0.1:3000';

export default defineConfig({
  base: '/kiosk/',
  plugins: [vue()],
  resolve: {
    alias: { '@selfserve/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) },
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
