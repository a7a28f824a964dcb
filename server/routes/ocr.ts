import { createRoute, z } from '@hono/zod-openapi';
import { msg } from '../../runtime/messages/render.ts';
import { OCR_LANGS } from '../../runtime/ocr/langs.ts';
import { OcrMissingError, tesseractTsv } from '../../runtime/ocr/tesseract-cli.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { ApiError, errorResponses } from '../errors.ts';
import { requireUser } from '../middleware/require-user.ts';
import { router } from './router.ts';

/** At most this many OCR processes at once on this server (each takes a core for a second or two). */
const MAX_RUNNING = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

const isImage = (b: Uint8Array) =>
  (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) ||
  (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff);

const ocr = createRoute({
  method: 'post',
  path: '/',
  tags: ['models'],
  summary:
    "OCR of one PNG or JPEG image with the server's Tesseract (the studio's C/O recognition node sends the page it holds); answers the words and boxes as Tesseract TSV",
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            image: z.string().min(1).max(2_000_000).openapi({ description: 'The image bytes, base64' }),
            lang: z.enum(OCR_LANGS).default('eng'),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: {
      description: 'Tesseract TSV',
      content: { 'application/json': { schema: z.object({ tsv: z.string() }) } },
    },
    ...errorResponses(400, 401),
    503: { description: 'Tesseract is not installed on this server' },
  },
});

/**
 * `POST /api/ocr`: signed-in officers only, one image per request, PNG or JPEG only (checked by signature, never by
 * name), no file names or paths: the bytes go to `tesseract` on stdin and only its TSV comes back.
 */
export function ocrRoutes(_deps: AppDeps) {
  const app = router<AppEnv>();
  app.use('*', requireUser());
  return app.openapi(ocr, async (c) => {
    const { image, lang } = c.req.valid('json');
    const bytes = new Uint8Array(Buffer.from(image, 'base64'));
    if (!isImage(bytes))
      throw new ApiError(
        400,
        'invalid_request',
        'not a PNG or JPEG image',
        {},
        msg('node.co_image_unreadable', { file: 'image' }),
      );
    try {
      return c.json({ tsv: await slot(() => tesseractTsv(bytes, lang, { timeoutMs: 30_000 })) }, 200);
    } catch (err) {
      if (err instanceof OcrMissingError)
        throw new ApiError(503, 'ocr_unavailable', 'tesseract is not installed', {}, msg('node.co_ocr_unavailable'));
      throw new ApiError(400, 'ocr_failed', 'OCR failed', {}, msg('node.co_ocr_failed', { file: 'image' }));
    }
  });
}
