import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Starts the downloads the first view waits for as soon as the HTML arrives: the static picture (shown until
 * the map is ready) and the lazily imported map chunks, which would otherwise wait for the main script to run.
 */
function preloadFirstView(): Plugin {
  let base = '/';
  return {
    name: 'preload-first-view',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter(
          (c) => c.type === 'chunk' && (c.name === 'maplibre-gl' || c.name === 'runtime'),
        );
        return [
          { tag: 'link', attrs: { rel: 'preload', as: 'image', href: `${base}static-map.uk.svg` }, injectTo: 'head' },
          ...chunks.map((c) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${c.fileName}` },
            injectTo: 'head' as const,
          })),
        ];
      },
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

export default defineConfig({
  // Relative URLs: the same dist/ works at a site's root and under any sub-path (e.g. /graphics/lavrov-map/).
  base: './',
  plugins: [preact(), preloadFirstView(), absoluteShareCard()],
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
