/**
 * Builds the app once and serves dist/ on a free loopback port for the browser tests.
 */

import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The same app built with an online basemap style URL that cannot load (a closed loopback port). */
    onlineBaseUrl: string;
  }
}

/** A style URL on this machine that refuses connections, so the online basemap fails without leaving the machine. */
export const UNREACHABLE_STYLE_URL = 'http://127.0.0.1:9/style.json';

export default async function setup(project: TestProject) {
  if (!process.env.E2E_SKIP_BUILD) {
    await build({ logLevel: 'warn' });
    process.env.VITE_BASEMAP_STYLE_URL = UNREACHABLE_STYLE_URL;
    try {
      await build({ logLevel: 'warn', build: { outDir: 'dist-online' } });
    } finally {
      delete process.env.VITE_BASEMAP_STYLE_URL;
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
  const app = await serve('dist');
  const online = await serve('dist-online');
  project.provide('baseUrl', app.url);
  project.provide('onlineBaseUrl', online.url);
  return async () => {
    await app.server.close();
    await online.server.close();
  };
}
