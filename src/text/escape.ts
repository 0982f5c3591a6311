/**
 * Text made safe for the markup and files the app writes: XML and SVG (the static picture, the share card), a
 * double-quoted HTML attribute (the embed snippet) and a CSV field (the ledger download). Pure.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** `text` for XML and SVG text or a quoted attribute: `& < > " '` as entities. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** `text` for a double-quoted HTML attribute: `& < > "` as entities (an apostrophe stays as it is). */
export function escapeHtmlAttribute(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ENTITIES[c]!);
}

/** One CSV field (RFC 4180): quoted, its quotes doubled, when it holds a comma, a quote or a line break. */
export function csvField(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
