import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

type JsonLdModule = typeof import('./src/story/claims-jsonld');
type PrerenderModule = typeof import('./src/app/prerender');

/**
 * Vite plugin: writes the story's claims (geo/claims.json, with geo/sources.json) into index.html as JSON-LD
 * (schema.org `Claim`, see src/story/claims-jsonld.ts), at build and in dev, so that the page carries them without
 * running any script. The pure module is loaded through tsx when the hook runs, not imported by the config: the config
 * then imports no module of the app (so Vite's native config loader has nothing to warn about).
 */
function claimsJsonLdPlugin(root = new URL('./', import.meta.url)): Plugin {
  return {
    name: 'claims-json-ld',
    async transformIndexHtml() {
      const { tsImport } = await import('tsx/esm/api');
      const { claimsJsonLdFromFiles } = (await tsImport(
        new URL('src/story/claims-jsonld.ts', root).href,
        import.meta.url,
      )) as JsonLdModule;
      const read = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
      const { text, errors } = claimsJsonLdFromFiles(read('geo/sources.json'), read('geo/claims.json'));
      if (text === undefined) throw new Error(`claims JSON-LD: ${JSON.stringify(errors)}`);
      return [
        {
          tag: 'script',
          attrs: { type: 'application/ld+json', id: 'story-claims' },
          children: text,
          injectTo: 'head',
        },
      ];
    },
  };
}

/**
 * Draws the page at build time (issue #28): index.html in Ukrainian and en/index.html in English, each with the app
 * as it first draws itself and the story's text (places, quotes, distances, the article) for readers without
 * JavaScript; the app then takes over the same DOM (src/main.tsx). The pages are made from the final index.html
 * (every other plugin's changes in it) by src/app/prerender.tsx, which Vite itself loads here (the app's components
 * import `?raw` and `?url` modules, which only Vite resolves), so nothing of it is in the app's bundle.
 *
 * The HTML preloads no map code: the first paint needs only the HTML, the stylesheet and the static picture, and
 * maplibre-gl (282 kB gzip) would share the bandwidth with them. The app asks for it as soon as its own code runs.
 */
function prerenderPages(root = new URL('./', import.meta.url)): Plugin {
  return {
    name: 'prerender-pages',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const index = bundle['index.html'];
      if (index?.type !== 'asset') throw new Error('prerender: the build has no index.html');
      const { createServer } = await import('vite');
      const server = await createServer({
        configFile: false,
        root: fileURLToPath(root),
        logLevel: 'error',
        appType: 'custom',
        server: { middlewareMode: true, hmr: false, ws: false },
        plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
        assetsInclude: ['**/*.geojson'],
      });
      try {
        const { prerenderPage } = (await server.ssrLoadModule('/src/app/prerender.tsx')) as PrerenderModule;
        // The files as the dev server serves them: public/ at the root, the rest (geo/) from the project.
        const read = (path: string) => {
          const inPublic = new URL(`public${path}`, root);
          return readFile(existsSync(inPublic) ? inPublic : new URL(`.${path}`, root), 'utf8');
        };
        // The font is asked for with the stylesheet rather than once the stylesheet has been read: the text is in
        // the first paint now, and Noto Sans arriving after it would move the text drawn in the fallback font.
        const fonts = ['fonts/noto-sans-400.woff2'].map(
          (file) => `<link rel="preload" as="font" type="font/woff2" crossorigin href="./${file}">`,
        );
        const html = typeof index.source === 'string' ? index.source : new TextDecoder().decode(index.source);
        const template = html.replace(/\n(\s*)<link rel="stylesheet"/, (line, indent: string) =>
          [...fonts.map((link) => `\n${indent}${link}`), line].join(''),
        );
        index.source = await prerenderPage(template, 'uk', read);
        this.emitFile({ type: 'asset', fileName: 'en/index.html', source: await prerenderPage(template, 'en', read) });
      } finally {
        await server.close();
      }
    },
  };
}

/**
 * The story's data files are kept indented in geo/ for people to read and review; the build ships them without the
 * indentation (the same JSON, about 10% fewer bytes after gzip).
 */
function compactJsonAssets(): Plugin {
  return {
    name: 'compact-json-assets',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !/\.(geo)?json$/.test(file.fileName)) continue;
        const text = typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
        file.source = JSON.stringify(JSON.parse(text));
      }
    },
  };
}

/**
 * Link previews need an absolute image URL: index.html has the Open Graph and Twitter tags with a relative one,
 * and building with SITE_URL set to the page's public address (SITE_URL=https://news.example/graphics/lavrov-map/)
 * makes it absolute and adds og:url. Without SITE_URL the same dist/ works at any path.
 */
function absoluteShareCard(siteUrl = process.env.SITE_URL): Plugin {
  return {
    name: 'absolute-share-card',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!siteUrl) return html;
        const site = new URL(siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`);
        return html
          .replace(
            /(<meta (?:property="og:image"|name="twitter:image") content=")([^"]+)"/g,
            (_m, head: string, url: string) => `${head}${new URL(url, site).href}"`,
          )
          .replace('<meta property="og:image"', `<meta property="og:url" content="${site.href}" />\n    $&`);
      },
    },
  };
}

/**
 * Offline after the first visit: a Workbox service worker (generated by vite-plugin-pwa) precaches the app shell,
 * the basemap, the font and the story data. The page registers it itself once the map is ready
 * (src/app/offline.ts), so the first view downloads nothing more; no web manifest, for the same reason.
 *
 * Releases never mix: a page stays on the release it was opened with, whose worker keeps serving its lazily loaded
 * chunks from its own precache. A new release's worker installs beside it and waits; it takes over when no page of
 * the old release is open (the next visit), or at once when the reader chooses "Reload" in the notice that says a
 * new version is ready (the page asks the waiting worker to skip waiting, then reloads).
 */
function offline(): Plugin[] {
  return VitePWA({
    injectRegister: false,
    manifest: false,
    workbox: {
      globPatterns: ['**/*.{html,js,mjs,css,woff2,geojson,json,svg}'],
      // The share card is for link previews, the WOFF fonts for browsers too old for this app.
      globIgnores: ['**/share-card.png', '**/*.woff'],
      // MapLibre's chunk is about 1 MB; the limit only keeps mistakes out of the cache.
      maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      // `?embed=1` pages are the same page.
      ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^embed$/],
      cleanupOutdatedCaches: true,
      // The page that installed the worker stays on the network; the worker serves the next visit (and a test that
      // intercepts the first visit's requests sees them all).
      clientsClaim: false,
      // A new release's worker waits: taking over a page of the old release at once would delete the old release's
      // chunks from the precache while that page may still ask for them (the time control, the article, Download).
      // The generated worker skips waiting when the page posts { type: 'SKIP_WAITING' } (src/app/offline.ts).
      skipWaiting: false,
    },
  });
}

export default defineConfig({
  // Relative URLs: the same dist/ works at a site's root and under any sub-path (e.g. /graphics/lavrov-map/).
  base: './',
  plugins: [preact(), compactJsonAssets(), absoluteShareCard(), offline(), claimsJsonLdPlugin(), prerenderPages()],
  // Story layers are GeoJSON files fetched at run time (`?url` imports), never inlined into the bundle.
  assetsInclude: ['**/*.geojson'],
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // maplibre-gl in a chunk of its own, loaded lazily with the map wiring (src/map/runtime.ts).
        codeSplitting: { groups: [{ name: 'maplibre-gl', test: /node_modules[\\/]maplibre-gl/ }] },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
