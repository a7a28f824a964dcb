/**
 * Template preview images: PNG (checked by its signature) or SVG (refused when it carries scripts, event
 * handlers, foreign objects or external references). Served with a CSP that runs nothing.
 */
import { ApiError } from '../errors.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const SVG_UNSAFE = /<script|<foreignObject|\bon[a-z]+\s*=|javascript:|<!ENTITY|(?:xlink:)?href\s*=\s*["']?\s*(?!#)/i;

export type PreviewType = 'image/png' | 'image/svg+xml';

export function checkPreview(contentType: string | undefined, bytes: Uint8Array, maxBytes: number): PreviewType {
  if (bytes.length === 0) throw new ApiError(400, 'empty_preview', 'the image is empty');
  if (bytes.length > maxBytes) {
    throw new ApiError(413, 'payload_too_large', `preview images are limited to ${maxBytes} bytes`);
  }
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'image/png') {
    if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) throw badImage('not a PNG file');
    return type;
  }
  if (type === 'image/svg+xml') {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    if (!/<svg[\s>]/i.test(text)) throw badImage('not an SVG document');
    if (SVG_UNSAFE.test(text)) throw badImage('SVG with scripts, event handlers or external references');
    return type;
  }
  throw new ApiError(415, 'unsupported_media_type', 'send the preview as image/png or image/svg+xml');
}

const badImage = (why: string) => new ApiError(422, 'bad_preview', `refused preview image: ${why}`);

/** Headers that keep a served SVG inert. */
export const PREVIEW_HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  'x-content-type-options': 'nosniff',
  'cache-control': 'private, max-age=300',
};
