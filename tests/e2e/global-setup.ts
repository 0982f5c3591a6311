/**
 * Builds the app and serves it on free loopback ports for the browser tests: the production build (dist/, as
 * `npm run build` makes it), the test build the tests drive (dist-e2e/, built with VITE_TEST_HOOKS=1: it exposes `window.storyMap`),
 * and a test build whose online basemap is a style served by a loopback test server (tests/e2e/style-server.ts).
 */

import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { startStyleServer } from './style-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test build (VITE_TEST_HOOKS=1, with the `window.storyMap` hook) of the app. */
    baseUrl: string;
    /** The production build (`npm run build`'s dist/), for the checks that it has no test hook. */
    productionBaseUrl: string;
    /** The same app built with an online basemap style URL on the loopback style server. */
    onlineBaseUrl: string;
    /** That style's URL (tests make it fail with `page.route`). */
    onlineStyleUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const styles = await startStyleServer();
  // E2E_SKIP_BUILD reuses the last builds; the online build then points at a closed port (its tests fail).
  if (!process.env.E2E_SKIP_BUILD) {
    // Vitest sets NODE_ENV=test, which makes Vite build the dependencies' development code (Preact's and the
    // signals' checks, 6 kB gzip more in the first view): the builds the tests drive are the ones readers get.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ logLevel: 'warn' });
      process.env.VITE_TEST_HOOKS = '1';
      await build({ logLevel: 'warn', build: { outDir: 'dist-e2e' } });
      process.env.VITE_BASEMAP_STYLE_URL = styles.styleUrl;
      await build({ logLevel: 'warn', build: { outDir: 'dist-online' } });
    } finally {
      delete process.env.VITE_TEST_HOOKS;
      delete process.env.VITE_BASEMAP_STYLE_URL;
      process.env.NODE_ENV = nodeEnv;
    }
  }
  const serve = async (outDir: string) => {
    const server = await preview({
      preview: { host: '127.0.0.1', port: 0, strictPort: false },
      build: { outDir },
      logLevel: 'warn',
    });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not report a URL');
    return { server, url };
  };
  const production = await serve('dist');
  const app = await serve('dist-e2e');
  const online = await serve('dist-online');
  project.provide('productionBaseUrl', production.url);
  project.provide('baseUrl', app.url);
  project.provide('onlineBaseUrl', online.url);
  project.provide('onlineStyleUrl', styles.styleUrl);
  return async () => {
    await production.server.close();
    await app.server.close();
    await online.server.close();
    await styles.close();
  };
}
