// Browser bundle for the map: `vite build --config vite.web.config.ts` writes
// public/build/{map.js, map.css, maplibre-gl-worker.js}, names fixed (no hashes) so the server
// serves them as /assets/* from public/build/ and pages can link them by name.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/assets/',
  // public/ is where the output goes, not a folder of files to copy into it.
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: 'public/build',
    emptyOutDir: true,
    target: 'es2020',
    minify: true,
    cssMinify: true,
    sourcemap: false,
    // The worker must be a file (a module worker from /assets/, allowed by `worker-src 'self'`).
    assetsInlineLimit: 0,
    // One entry, one chunk: no preload helper needed.
    modulePreload: false,
    // MapLibre alone is ~1.1 MB minified (~290 KB gzipped); the bundle is loaded only on map pages.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: { map: 'src/web/map.ts' },
      output: {
        entryFileNames: '[name].js',
        // MapLibre's BSD licence asks for its notice to travel with the minified code.
        comments: { legal: true, annotation: false, jsdoc: false },
        chunkFileNames: '[name].js',
        // MapLibre's worker arrives through `?url` as maplibre-gl-worker.mjs; `.js` spares the
        // server a MIME type for `.mjs` (module workers need a JavaScript one).
        assetFileNames: (asset) =>
          asset.names.some((name) => name.endsWith('.mjs')) ? '[name].js' : '[name][extname]',
      },
    },
  },
});
