/**
 * Builds the two reference pages (bare MapLibre, Leaflet peer) into bench/dist with the app's build settings,
 * serving the app's public/ (the basemap files) next to them. Used by bench/run.ts through Vite's JS API.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: at('./pages'),
  publicDir: at('../public'),
  // The story files are fetched at run time, as in the app.
  assetsInclude: ['**/*.geojson'],
  build: {
    outDir: at('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: { bare: at('./pages/bare.html'), leaflet: at('./pages/leaflet.html') },
    },
  },
});
