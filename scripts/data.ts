/**
 * `npm run data`: writes the generated files the app serves (the basemap in public/basemap/, the static pictures and
 * the share card, the page's font) by running the build scripts in turn, unless their inputs are unchanged since the last run.
 * The inputs are the scripts, the source they import, the story data and the locked dependencies; their SHA-256 is
 * kept in node_modules/.cache/story-map-data (gone with a fresh install). `npm test` and `npm run build` both run this, so a fresh clone does the work once.
 * `--force` rebuilds anyway.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const STEPS = [
  'scripts/build-basemap.ts',
  'scripts/build-static-map.ts',
  'scripts/build-share-card.ts',
  'scripts/build-font.ts',
];
const INPUTS = ['scripts', 'src', 'geo', 'package-lock.json'];
const OUTPUTS = [
  'public/basemap/manifest.json',
  'public/static-map.uk.svg',
  'public/static-map.en.svg',
  'public/inset-shuttle.uk.svg',
  'public/inset-shuttle.en.svg',
  'public/share-card.png',
  'public/fonts/noto-sans-400.woff2',
];
const STAMP = 'node_modules/.cache/story-map-data';

/** The files at `path`: itself if it is a file, everything under it if it is a folder. */
function filesAt(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative('.', join(entry.parentPath, entry.name)));
}

function inputsHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(filesAt).sort()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

const digest = inputsHash();
const upToDate =
  !process.argv.includes('--force') &&
  OUTPUTS.every((file) => existsSync(file)) &&
  existsSync(STAMP) &&
  readFileSync(STAMP, 'utf8') === digest;
if (upToDate) {
  console.log('data: up to date (inputs unchanged since the last run; `npm run data -- --force` rebuilds)');
} else {
  for (const step of STEPS) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', step], { stdio: 'inherit' });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
  mkdirSync(dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, digest);
}
