import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The analyst's designer, served by the runtime at /designer/ (`npm run build:designer` writes
 * designer/web/dist). The tabs are React.lazy chunks, so bpmn-js, form-js and monaco load only
 * when their tab opens; the entry holds the shell alone.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/designer/',
  plugins: [react()],
  // form-js-editor ships its own nested preact (10.15) but renders form-js-viewer's fields, which
  // use the top-level one: two preacts break hooks ("reading 'context'"). One copy for all.
  resolve: { dedupe: ['preact'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The runtime's CSP forbids inline scripts: no inlined module-preload helper or assets as data: scripts.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 4000,
  },
  // Monaco's language workers are module workers from this origin (CSP worker-src 'self').
  worker: { format: 'es' },
  logLevel: 'warn',
});
