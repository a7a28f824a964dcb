import { convertIndexedToRgb, decode as decodePng, encode as encodePng } from 'fast-png';
import jpeg from 'jpeg-js';
import type { RgbaImage } from './detector-session.ts';

/**
 * PNG and JPEG files to RGBA pixels, in pure JS so the studio and the server read them alike. The size is read
 * from the header first: an image too large to decode safely is refused before any pixel is allocated.
 */

export type ImageProblem = { kind: 'unreadable' } | { kind: 'too_large'; megapixels: number };

export class ImageDecodeError extends Error {
  constructor(readonly problem: ImageProblem) {
    super(problem.kind === 'too_large' ? `${problem.megapixels} megapixels` : 'not a readable PNG or JPEG');
  }
}

const isPng = (b: Uint8Array) => b.length > 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
const isJpeg = (b: Uint8Array) => b.length > 4 && b[0] === 0xff && b[1] === 0xd8;

/** Width and height from the PNG IHDR or the JPEG SOFn marker; undefined when the header is not there. */
export function imageSize(b: Uint8Array): { width: number; height: number } | undefined {
  const u32 = (i: number) => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
  const u16 = (i: number) => (b[i]! << 8) | b[i + 1]!;
  if (isPng(b)) return { width: u32(16), height: u32(20) };
  if (!isJpeg(b)) return undefined;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: u16(i + 5), width: u16(i + 7) };
    i += 2 + u16(i + 2);
  }
  return undefined;
}

export function decodeImage(bytes: Uint8Array, maxMegapixels: number): RgbaImage {
  const size = imageSize(bytes);
  if (!size || size.width < 1 || size.height < 1) throw new ImageDecodeError({ kind: 'unreadable' });
  const mp = (size.width * size.height) / 1e6;
  if (mp > maxMegapixels) throw new ImageDecodeError({ kind: 'too_large', megapixels: Math.round(mp) });
  try {
    if (isPng(bytes)) {
      const png = decodePng(bytes);
      // a palette image's bytes are indexes: spread them to the palette's RGB(A) first
      const data = png.palette ? convertIndexedToRgb(png) : png.data;
      const channels = png.palette ? (png.palette[0]?.length ?? 3) : png.channels;
      const depth = png.palette ? 8 : png.depth;
      return { width: png.width, height: png.height, rgba: toRgba(data, png.width * png.height, channels, depth) };
    }
    const j = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: maxMegapixels });
    return { width: j.width, height: j.height, rgba: j.data };
  } catch {
    throw new ImageDecodeError({ kind: 'unreadable' });
  }
}

/** Any PNG channel layout (grey, grey+alpha, RGB, RGBA; 8 or 16 bits) as 8-bit RGBA, alpha kept. */
function toRgba(data: ArrayLike<number>, pixels: number, channels: number, depth: number): Uint8Array {
  const out = new Uint8Array(pixels * 4);
  const shift = depth === 16 ? 8 : 0;
  const alpha = channels === 2 || channels === 4;
  for (let i = 0; i < pixels; i++) {
    const v = (k: number) => data[i * channels + k]! >> shift;
    if (channels >= 3) {
      out[i * 4] = v(0);
      out[i * 4 + 1] = v(1);
      out[i * 4 + 2] = v(2);
    } else out[i * 4] = out[i * 4 + 1] = out[i * 4 + 2] = v(0);
    out[i * 4 + 3] = alpha ? v(channels - 1) : 255;
  }
  return out;
}

/**
 * A data URL of the image for the result view: its own file when it is already at most `maxSide` (no
 * re-encoding), else a PNG scaled down (nearest pixel) to `maxSide`.
 */
export function thumbnailDataUrl(image: RgbaImage, maxSide: number, file?: Uint8Array): string {
  if (file && Math.max(image.width, image.height) <= maxSide)
    return `data:image/${isPng(file) ? 'png' : 'jpeg'};base64,${base64(file)}`;
  const k = Math.min(1, maxSide / Math.max(image.width, image.height));
  const w = Math.max(1, Math.round(image.width * k));
  const h = Math.max(1, Math.round(image.height * k));
  const data = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const sx = Math.min(image.width - 1, Math.floor(x / k));
      const sy = Math.min(image.height - 1, Math.floor(y / k));
      for (let c = 0; c < 3; c++) data[(y * w + x) * 3 + c] = image.rgba[(sy * image.width + sx) * 4 + c]!;
    }
  return `data:image/png;base64,${base64(encodePng({ width: w, height: h, data, channels: 3 }))}`;
}

function base64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
