/**
 * Serves the built dist/ as a static host would for the publishing tests: under any base path, with the
 * response headers of the shipped `public/_headers` file. Also reads the policy from deploy/nginx.conf.
 */
import { readFileSync } from 'node:fs';
import { type PreviewServer, preview } from 'vite';

export interface HeaderRule {
  /** A path from the site's root; `*` matches any run of characters. */
  path: string;
  headers: Record<string, string>;
}

/** Parses the `_headers` format: a path line, then indented `Name: value` lines; `#` starts a comment. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {} });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(':');
    if (!rule || colon < 0) throw new Error(`_headers: a header line outside a path, or without a colon: ${line}`);
    rule.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}

/** The headers for `path` (from the site's root): every matching rule, in file order. */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const matches = (pattern: string) =>
    new RegExp(
      `^${pattern
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    ).test(path);
  return Object.assign({}, ...rules.filter((r) => matches(r.path)).map((r) => r.headers));
}

export const shippedHeaders = (): HeaderRule[] => parseHeadersFile(readFileSync('public/_headers', 'utf8'));

/** The Content-Security-Policy that the shipped `_headers` file sends with every response. */
export function shippedCsp(): string {
  const csp = headersFor(shippedHeaders(), '/')['Content-Security-Policy'];
  if (!csp) throw new Error('public/_headers sends no Content-Security-Policy');
  return csp;
}

/** The Content-Security-Policy of deploy/nginx.conf (its one `add_header Content-Security-Policy`). */
export function nginxCsp(): string {
  const conf = readFileSync('deploy/nginx.conf', 'utf8');
  const found = [...conf.matchAll(/add_header\s+Content-Security-Policy\s+"([^"]+)"/g)].map((m) => m[1]!);
  if (found.length !== 1) throw new Error(`deploy/nginx.conf has ${found.length} Content-Security-Policy headers`);
  return found[0]!;
}

/** Serves `outDir` under `base` (e.g. '/graphics/lavrov-map/') with the shipped headers; resolves to its URL. */
export async function serveDist(
  base: string,
  outDir = 'dist',
): Promise<{ url: string; server: PreviewServer; close: () => Promise<void> }> {
  const rules = shippedHeaders();
  const server = await preview({
    base,
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    build: { outDir },
    logLevel: 'warn',
    plugins: [
      {
        name: 'shipped-headers',
        configurePreviewServer(s) {
          s.middlewares.use((req, res, next) => {
            const pathname = new URL(req.originalUrl ?? req.url ?? '/', 'http://host').pathname;
            if (pathname.startsWith(base)) {
              const path = `/${pathname.slice(base.length)}`;
              for (const [name, value] of Object.entries(headersFor(rules, path))) res.setHeader(name, value);
            }
            next();
          });
        },
      },
    ],
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return { url, server, close: () => server.close() };
}
