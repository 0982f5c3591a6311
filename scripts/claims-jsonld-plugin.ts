/**
 * Vite plugin: writes the story's claims (geo/claims.json, with geo/sources.json) into index.html as JSON-LD
 * (schema.org `Claim`, see src/story/claims-jsonld.ts), at build and in dev, so that the page carries them without
 * running any script.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { parseClaims } from '../src/story/claims';
import { claimsJsonLd, jsonLdScriptText } from '../src/story/claims-jsonld';
import { parseSourceLedger } from '../src/story/sources';

export function claimsJsonLdPlugin(root = new URL('../', import.meta.url)): Plugin {
  return {
    name: 'claims-json-ld',
    transformIndexHtml() {
      const read = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
      const ledger = parseSourceLedger('geo/sources.json', read('geo/sources.json'));
      const claims = parseClaims('geo/claims.json', read('geo/claims.json'), { sources: ledger.sources });
      const errors = [...ledger.errors, ...claims.errors];
      if (errors.length > 0) throw new Error(`claims JSON-LD: ${JSON.stringify(errors)}`);
      return [
        {
          tag: 'script',
          attrs: { type: 'application/ld+json', id: 'story-claims' },
          children: jsonLdScriptText(claimsJsonLd(claims.claims, ledger.sources)),
          injectTo: 'head',
        },
      ];
    },
  };
}
