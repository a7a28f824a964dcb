import { encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import type { AppDeps, AppEnv, SessionUser } from '../context.ts';
import { errorHandler } from '../middleware/error-handler.ts';
import { ocrRoutes } from './ocr.ts';
import { router } from './router.ts';

/**
 * `POST /api/ocr`: the studio's C/O node sends the pages it holds; only signed-in officers, only images. The route
 * alone behind a stand-in for the session loader (the full app's sign-in is tested in auth.test.ts).
 */
function app(signedIn: boolean) {
  const root = router<AppEnv>();
  root.use('*', async (c, next) => {
    if (signedIn) c.set('user', { id: 'u1', username: 'kim', role: 'officer' } as SessionUser);
    await next();
  });
  root.route('/api/ocr', ocrRoutes({} as AppDeps));
  root.onError(errorHandler(() => {}));
  return root;
}
const post = (signedIn: boolean, body: unknown) =>
  app(signedIn).request('/api/ocr', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const blank = Buffer.from(
  encode({ width: 8, height: 8, data: new Uint8Array(8 * 8 * 3).fill(255), channels: 3, depth: 8 }),
).toString('base64');

describe('OCR route', () => {
  it('refuses anyone not signed in', async () => {
    expect((await post(false, { image: blank })).status).toBe(401);
  });

  it('reads a PNG with tesseract, and refuses what is not an image or a language it does not have', async () => {
    const ok = await post(true, { image: blank, lang: 'eng' });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { tsv: string }).tsv).toMatch(/^level\tpage_num/);
    const pdf = await post(true, { image: Buffer.from('%PDF-1.7\n').toString('base64') });
    expect(pdf.status).toBe(400);
    expect(JSON.stringify(await pdf.json())).toContain('읽을 수 없는 이미지');
    expect((await post(true, { image: blank, lang: 'eng; rm -rf /' })).status).toBe(400);
  });
});
