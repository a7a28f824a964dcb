import { spawn } from 'node:child_process';

import { OCR_LANGS, type OcrLang } from './langs.ts';

/** Raised when the `tesseract` program is not installed (`apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-kor`). */
export class OcrMissingError extends Error {}

/**
 * Runs Debian's `tesseract` on one image (PNG or JPEG bytes on stdin) and returns its TSV: one row per word with
 * its box. No shell: the arguments are fixed except the language, which is one of `OCR_LANGS`. One OCR thread
 * per call (OMP_THREAD_LIMIT=1) is faster on a shared machine than tesseract's default of all cores; a page that
 * takes longer than `timeoutMs` is stopped.
 */
export function tesseractTsv(
  image: Uint8Array,
  lang: OcrLang,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<string> {
  if (!OCR_LANGS.includes(lang)) return Promise.reject(new Error(`unsupported OCR language ${String(lang)}`));
  return new Promise((resolve, reject) => {
    const child = spawn('tesseract', ['stdin', 'stdout', '-l', lang, '--psm', '3', 'tsv'], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', OMP_THREAD_LIMIT: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 30_000,
      signal: options.signal,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'ENOENT' ? new OcrMissingError('tesseract is not installed') : e),
    );
    child.on('close', (code, signal) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else
        reject(
          new Error(
            signal
              ? `tesseract stopped (${signal})`
              : `tesseract failed: ${Buffer.concat(err).toString('utf8').trim()}`,
          ),
        );
    });
    child.stdin.on('error', () => {}); // tesseract may exit before reading everything; `close` reports it
    child.stdin.end(image);
  });
}
