import { unzipSync } from 'fflate';
import { z } from 'zod';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { PdfScanError, pdfScanImages } from '../../runtime/ml/pdf-scan-images.ts';
import { defineNode, type Warning } from '../../runtime/nodes/define-node.ts';
import type { FileRef } from '../../runtime/sources/file-access.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { OUT } from '../_shared/ports.ts';

/** A ZIP may hold at most this many images and this many bytes once unpacked (a ZIP bomb stops here). */
export const MAX_IMAGES = 2000;
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

const params = z
  .object({
    path: z
      .string()
      .min(1)
      .optional()
      .meta({
        label: { ko: '파일 경로', en: 'File path' },
        help: {
          ko: '이미지(PNG·JPEG)나 스캔한 PDF 한 개, 또는 이들을 담은 ZIP. PDF는 쪽마다 한 줄이 됩니다. ZIP 안의 폴더 이름은 ‹folder› 열로 나옵니다.',
          en: 'One image (PNG, JPEG) or scanned PDF, or a ZIP of them; a PDF gives one row per page; folder names inside the ZIP become the "folder" column.',
        },
        widget: 'file',
      }),
    datasetId: z
      .string()
      .min(1)
      .optional()
      .meta({
        label: { ko: '데이터셋', en: 'Dataset' },
        help: { ko: '서버에 올린 이미지 또는 ZIP 데이터셋.', en: 'An image or ZIP dataset on the server.' },
        widget: 'dataset',
      }),
  })
  .strict()
  .refine((p) => (p.path === undefined) !== (p.datasetId === undefined), {
    message: 'Give either "path" or "datasetId" (one of them, not both).',
    path: ['path'],
  });

type Params = z.infer<typeof params>;

const fileRef = (p: Params): FileRef => (p.path !== undefined ? { path: p.path } : { datasetId: p.datasetId! });

const MIME: [(b: Uint8Array) => boolean, string][] = [
  [(b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47, 'image/png'],
  [(b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff, 'image/jpeg'],
  [(b) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46, 'application/pdf'],
];
const mimeOf = (b: Uint8Array) => MIME.find(([test]) => test(b))?.[1];
const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** A page image of a PDF is refused above this (the C/O reader's limit), before it is inflated. */
const MAX_PAGE_PIXELS = 40_000_000;
const MAX_PDF_PAGES = 50;

/**
 * Scanned documents as a table, one row per image: file name, folder (inside a ZIP), the image as a data URL, and
 * its size. Image nodes (C/O recognition) read the `image` column. A scanned PDF gives one row per page image
 * (`scan.pdf#1`, `scan.pdf#2`…); a PDF with no page image we can read passes through as one row so the node that
 * reads it can say what to do with it.
 */
export const sourceImageFiles = defineNode<Params>({
  kind: 'source',
  type: 'source.image_files',
  version: 1,
  category: 'source',
  label: { ko: '이미지 파일 읽기', en: 'Read image files' },
  description: {
    ko: '스캔한 서류 이미지(PNG·JPEG)나 스캔한 PDF, 또는 이들을 담은 ZIP을 한 장(PDF는 한 쪽)에 한 줄인 표로 읽습니다. ZIP 안 폴더 이름(예: 발급기관 코드)은 folder 열에 들어갑니다.',
    en: 'Reads one scanned image (PNG, JPEG) or scanned PDF, or a ZIP of them, as a table, one row per image (per page of a PDF); folder names inside the ZIP (e.g. issuing agency codes) go into the folder column.',
  },
  inputs: [],
  outputs: [OUT],
  params,

  async fingerprint({ params: p, files }) {
    return (await files.stat(fileRef(p))).fingerprint;
  },

  async load({ params: p, files, engine, tableName }) {
    const ref = fileRef(p);
    const display = p.path ?? `dataset ${p.datasetId}`;
    const bytes = await files.readAll(ref);
    if (bytes.length === 0)
      throw new ParamError(`"${display}" is empty (0 bytes).`, 'path', msg('node.file_empty', { file: display }));
    const name = (await files.stat(ref)).name;
    const entries: [string, Uint8Array][] = isZip(bytes) ? unzip(bytes, display) : [[name, bytes]];
    const warnings: Warning[] = [];
    const rows: [string, string, string, number][] = [];
    const skipped: string[] = [];
    for (const [path, data] of entries) {
      const mime = mimeOf(data);
      if (!mime) {
        skipped.push(path);
        continue;
      }
      const slash = path.lastIndexOf('/');
      const file = path.slice(slash + 1);
      const folder = slash > 0 ? path.slice(0, slash) : '';
      const pages = mime === 'application/pdf' ? pdfPages(data, file) : undefined;
      if (pages) for (const [k, page] of pages.entries()) rows.push([`${file}#${k + 1}`, folder, page.url, page.bytes]);
      else rows.push([file, folder, `data:${mime};base64,${base64(data)}`, data.length]);
    }
    if (rows.length === 0)
      throw new ParamError(
        `"${display}" holds no PNG or JPEG image`,
        'path',
        msg('node.images_none', { file: display }),
      );
    if (skipped.length)
      warnings.push({ message: `skipped ${skipped.length} non-image entries: ${skipped.slice(0, 5).join(', ')}` });
    // numeric order, so page 10 of a PDF comes after page 9
    rows.sort((a, b) => (a[1] + a[0]).localeCompare(b[1] + b[0], undefined, { numeric: true }));
    await engine.createTable(
      tableName,
      [
        { name: 'file_name', type: 'VARCHAR' },
        { name: 'folder', type: 'VARCHAR' },
        { name: 'image', type: 'VARCHAR' },
        { name: 'bytes', type: 'INTEGER' },
      ],
      [0, 1, 2, 3].map((k) => rows.map((r) => r[k as 0 | 1 | 2 | 3])),
    );
    const relation = ident(tableName);
    return { relation, schema: await engine.describe(`SELECT * FROM ${relation}`), warnings };
  },

  datasetRefs: (p) => (p.datasetId === undefined ? [] : [p.datasetId]),

  resolvePaths: (p, resolve) => (p.path === undefined ? p : { ...p, path: resolve(p.path) }),
});

/**
 * A scanned PDF's page images as data URLs; undefined when it has none we can read (typed, encrypted, JBIG2), so
 * the row passes through and the reading node says so. Too many pages or a page too large is refused here.
 */
function pdfPages(data: Uint8Array, file: string): { url: string; bytes: number }[] | undefined {
  try {
    return pdfScanImages(data, { maxPages: MAX_PDF_PAGES, maxPixels: MAX_PAGE_PIXELS }).map((p) => ({
      url: `data:image/${p.format};base64,${base64(p.bytes)}`,
      bytes: p.bytes.length,
    }));
  } catch (err) {
    if (!(err instanceof PdfScanError)) throw err;
    const { problem } = err;
    if (problem.kind === 'no_image') return undefined;
    if (problem.kind === 'too_many_pages')
      throw new ParamError(
        `"${file}": ${err.message}`,
        'path',
        msg('node.pdf_too_many_pages', { file, max: problem.max }),
      );
    throw new ParamError(
      `"${file}": ${err.message}`,
      'path',
      msg('node.co_image_too_large', { file: `${file}#${problem.page}`, mp: MAX_PAGE_PIXELS / 1e6 }),
    );
  }
}

/** The ZIP's files (not folders, not macOS metadata), refused before unpacking when there are too many or too big. */
function unzip(bytes: Uint8Array, display: string): [string, Uint8Array][] {
  let count = 0;
  let total = 0;
  let refused = false;
  let out: Record<string, Uint8Array>;
  try {
    out = unzipSync(bytes, {
      filter: (f) => {
        if (f.name.endsWith('/') || f.name.startsWith('__MACOSX/') || f.name.split('/').pop()?.startsWith('.'))
          return false;
        count++;
        total += f.originalSize;
        if (count > MAX_IMAGES || total > MAX_UNZIPPED_BYTES) refused = true;
        return !refused;
      },
    });
  } catch (err) {
    throw new ParamError(
      `"${display}" is not a readable ZIP: ${err instanceof Error ? err.message : String(err)}`,
      'path',
      msg('node.images_zip_unreadable', { file: display }),
    );
  }
  if (refused)
    throw new ParamError(
      `"${display}" holds more than ${MAX_IMAGES} files or ${MAX_UNZIPPED_BYTES} bytes`,
      'path',
      msg('node.images_too_many', { file: display, count: MAX_IMAGES, mb: MAX_UNZIPPED_BYTES / 1024 / 1024 }),
    );
  return Object.entries(out);
}
