/** The one call of subset-font (it ships no types) that scripts/build-font.ts makes. */
declare module 'subset-font' {
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: 'woff2' | 'woff' | 'sfnt' | 'truetype'; noLayoutClosure?: boolean },
  ): Promise<Buffer>;
}
