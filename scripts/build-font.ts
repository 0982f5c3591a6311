/**
 * The page's font: Noto Sans Regular cut down to the characters this story uses, as one WOFF2 file
 * (public/fonts/noto-sans-400.woff2, `@font-face` in src/ui/app.css). Fontsource's two files (Latin, Cyrillic) were
 * 20.2 kB gzip in the first view; this one is about 10 kB. The characters are every character of the interface's
 * strings, the article, the story's data and the basemap's labels (the map draws its labels with this font), and
 * printable ASCII, so a name typed into a future data file in plain Latin still has its letters. A character
 * outside these falls back to the reader's sans-serif.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import subsetFont from 'subset-font';

const require = createRequire(import.meta.url);
export const FONT_FILE = 'public/fonts/noto-sans-400.woff2';
const SOURCES = ['src', 'geo', 'public/basemap'];
const TEXT_FILE = /\.(ts|tsx|json|geojson|txt|md)$/;

function textUnder(dir: string): string {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && TEXT_FILE.test(entry.name))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('');
}

const ascii = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
const used = [...new Set(SOURCES.map(textUnder).join('') + ascii)].filter((c) => c.codePointAt(0)! >= 0x20).join('');
const ttf = readFileSync(require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'));
// No layout closure: the glyphs the text names, not every alternate and ligature a feature could reach (16 → 10 kB).
const woff2 = await subsetFont(ttf, used, { targetFormat: 'woff2', noLayoutClosure: true });
mkdirSync('public/fonts', { recursive: true });
writeFileSync(FONT_FILE, woff2);
console.log(`${FONT_FILE}: ${[...used].length} characters, ${woff2.length} bytes`);
