/**
 * A small picture of a result table (the first rows and columns), for templates whose result has no chart. Plain
 * SVG text and rectangles only: it passes `checkPreview` (no scripts, no links) and needs no browser to draw.
 */
import type { Column, Row } from '../../runtime/schema/types.ts';

const MAX_COLUMNS = 6;
const MAX_ROWS = 8;
const COLUMN_WIDTH = 118;
const MIN_WIDTH = 480;
/** Text budget in half-width units (a Hangul or other wide character counts two): what fits in a column at 12 px. */
const CELL_UNITS = 15;
const ROW_HEIGHT = 24;
const FONT = "font-family=\"'NanumGothic','Nanum Gothic','Malgun Gothic',sans-serif\"";

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** The text cut to `units` half-width units, with an ellipsis when it was longer. */
export function clip(text: string, units = CELL_UNITS): string {
  let used = 0;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    used += WIDE.test(chars[i]!) ? 2 : 1;
    if (used > units) return `${chars.slice(0, i > 0 ? i - 1 : 0).join('')}…`;
  }
  return text;
}

/** A cell as an officer reads it: numbers grouped Korean-style with at most two decimals, dates as dates. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'bigint') return value.toLocaleString('ko-KR');
  if (typeof value === 'number') return value.toLocaleString('ko-KR', { maximumFractionDigits: 2 });
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? String(v) : v));
  return String(value);
}

export function tableSvg(columns: Column[], rows: Row[], caption?: string): string {
  const cols = columns.slice(0, MAX_COLUMNS);
  const body = rows.slice(0, MAX_ROWS);
  const top = caption ? 28 : 0;
  const width = Math.max(Math.max(cols.length, 1) * COLUMN_WIDTH, MIN_WIDTH);
  const height = top + (body.length + 1) * ROW_HEIGHT + 1;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  if (caption) {
    const units = Math.floor((width - 12) / 7);
    parts.push(`<text x="6" y="19" font-size="13" fill="#1f2937">${escapeXml(clip(caption, units))}</text>`);
  }
  parts.push(`<rect y="${top}" width="${width}" height="${ROW_HEIGHT}" fill="#e8eef7"/>`);
  cols.forEach((c, i) => {
    parts.push(
      `<text x="${i * COLUMN_WIDTH + 6}" y="${top + 16}" font-weight="bold" fill="#1f2937">${escapeXml(clip(c.name))}</text>`,
    );
  });
  body.forEach((row, r) => {
    const y = top + (r + 1) * ROW_HEIGHT;
    if (r % 2 === 1) parts.push(`<rect y="${y}" width="${width}" height="${ROW_HEIGHT}" fill="#f7f9fc"/>`);
    cols.forEach((c, i) => {
      const value = row[c.name];
      const text = escapeXml(clip(cellText(value)));
      // numbers right-aligned, so their digits line up
      const numeric = typeof value === 'number' || typeof value === 'bigint';
      const x = numeric ? (i + 1) * COLUMN_WIDTH - 10 : i * COLUMN_WIDTH + 6;
      const anchor = numeric ? ' text-anchor="end"' : '';
      parts.push(`<text x="${x}" y="${y + 16}"${anchor} fill="#374151">${text}</text>`);
    });
  });
  parts.push(`<line x1="0" y1="${height - 0.5}" x2="${width}" y2="${height - 0.5}" stroke="#d1d5db"/>`, '</svg>');
  return parts.join('');
}
