/**
 * A loopback stand-in for an online basemap: `/style.json` is a raster style whose tiles come from the same
 * server; tiles in odd columns answer 404 at once, the others arrive after a short delay (so a tile fails while
 * others are still loading, which is when `map.isStyleLoaded()` is false).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A 1×1 grey PNG. */
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCB3rb8WQAAAABJRU5ErkJggg==',
  'base64',
);
const TILE_DELAY_MS = 300;

export interface StyleServer {
  /** The style URL, e.g. http://127.0.0.1:PORT/style.json. */
  styleUrl: string;
  close: () => Promise<void>;
}

export async function startStyleServer(port = 0): Promise<StyleServer> {
  const server: Server = createServer((request, response) => {
    const origin = `http://${request.headers.host}`;
    response.setHeader('Access-Control-Allow-Origin', '*');
    const path = new URL(request.url ?? '/', origin).pathname;
    if (path === '/style.json') {
      response.setHeader('Content-Type', 'application/json');
      response.end(
        JSON.stringify({
          version: 8,
          sources: {
            online: { type: 'raster', tiles: [`${origin}/tiles/{z}/{x}/{y}.png`], tileSize: 256, maxzoom: 6 },
          },
          layers: [
            { id: 'online-background', type: 'background', paint: { 'background-color': '#dde4ea' } },
            { id: 'online-tiles', type: 'raster', source: 'online' },
          ],
        }),
      );
      return;
    }
    const tile = /^\/tiles\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(path);
    if (tile && Number(tile[2]) % 2 === 1) {
      response.statusCode = 404;
      response.end();
      return;
    }
    if (tile) {
      setTimeout(() => {
        response.setHeader('Content-Type', 'image/png');
        response.end(TILE);
      }, TILE_DELAY_MS);
      return;
    }
    response.statusCode = 404;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    styleUrl: `http://127.0.0.1:${address.port}/style.json`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
