import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The citizen portal (index.html) and the officials' workspace (workspace/index.html, served at
 * /workspace/) in one build sharing their bundles; `npm run build:web` writes runtime/web/dist,
 * which the runtime serves.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The runtime's CSP forbids inline scripts: no inlined module-preload helper or assets as data: scripts.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        portal: path.join(import.meta.dirname, 'index.html'),
        workspace: path.join(import.meta.dirname, 'workspace/index.html'),
      },
    },
  },
  logLevel: 'warn',
});
