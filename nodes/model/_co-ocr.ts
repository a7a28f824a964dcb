import type { OcrLang } from '../../runtime/ocr/langs.ts';

/** One recognised word and its box in page pixels; `line` groups the words tesseract read as one line. */
export interface OcrWord {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  conf: number;
  line: string;
}

/** Raised when no OCR is reachable (the server lacks `tesseract`, or the studio is not signed in to a server). */
export class OcrUnavailableError extends Error {}

const inNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

/**
 * The page's TSV from Tesseract. In Node (server, command line, tests) the `tesseract` program runs here; in the
 * browser the same program runs on the server through `POST /api/ocr`, which accepts only the image bytes the
 * officer's own pipeline holds and answers only the words (tesseract.js would need its core, worker and language
 * files served from this server; the server route keeps one engine and one set of language data).
 */
export async function ocrTsv(image: Uint8Array, lang: OcrLang, signal?: AbortSignal): Promise<string> {
  if (inNode) {
    // A variable specifier keeps Vite from bundling child_process into the studio; this branch never runs there.
    const runner = ['..', '..', 'runtime', 'ocr', 'tesseract-cli.ts'].join('/');
    const m = (await import(/* @vite-ignore */ runner)) as typeof import('../../runtime/ocr/tesseract-cli.ts');
    try {
      return await m.tesseractTsv(image, lang, { signal });
    } catch (err) {
      if (err instanceof m.OcrMissingError) throw new OcrUnavailableError(err.message);
      throw err;
    }
  }
  return serverOcr(image, lang, signal);
}

async function serverOcr(image: Uint8Array, lang: OcrLang, signal?: AbortSignal): Promise<string> {
  const session = await fetch('/api/auth/session', { credentials: 'same-origin', signal }).catch(() => null);
  if (!session?.ok) throw new OcrUnavailableError('not signed in to a server');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const res = await fetch('/api/ocr', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify({ image: toBase64(image), lang }),
    signal,
  });
  if (res.status === 503) throw new OcrUnavailableError('the server has no tesseract');
  if (!res.ok) throw new Error(`OCR request failed (${res.status}): ${await res.text()}`);
  return ((await res.json()) as { tsv: string }).tsv;
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Tesseract's TSV (level 5 rows are words) → words with boxes; empty rows dropped. */
export function parseTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  for (const row of tsv.split('\n').slice(1)) {
    const f = row.split('\t');
    if (f[0] !== '5' || f.length < 12) continue;
    const text = (f[11] ?? '').trim();
    const conf = Number(f[10]);
    // Tesseract gives some correctly read words a confidence of 0; only -1 (not a word) is dropped.
    if (!text || !(conf >= 0)) continue;
    words.push({
      text,
      left: Number(f[6]),
      top: Number(f[7]),
      width: Number(f[8]),
      height: Number(f[9]),
      conf,
      line: `${f[2]}.${f[3]}.${f[4]}`,
    });
  }
  return words;
}
