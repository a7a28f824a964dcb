import { convertIndexedToRgb, decode as decodePng, hasPngSignature } from 'fast-png';
import jpeg from 'jpeg-js';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';

/** 8-bit RGB pixels, row-major: what the seal finder reads. */
export interface Rgb {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A scanned page above this is refused before decoding (a 100-megapixel image would take gigabytes). */
export const MAX_PIXELS = 40_000_000;

const isJpeg = (b: Uint8Array) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
const isPdf = (b: Uint8Array) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46;

/** `data:image/png;base64,…` (the image table's cell) → bytes. */
export function dataUrlBytes(cell: string): Uint8Array {
  const comma = cell.indexOf(',');
  const b64 = cell.startsWith('data:') && comma > 0 ? cell.slice(comma + 1) : cell;
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** PNG width and height from the header, without decoding (to refuse huge pages early). */
function pngSize(b: Uint8Array): [number, number] {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return [v.getUint32(16), v.getUint32(20)];
}

/** Decodes a PNG or JPEG scan; anything else (a PDF, a corrupt file, a page over 40 MP) gets a Korean message. */
export function decodeImage(bytes: Uint8Array, name: string): Rgb {
  if (isPdf(bytes)) throw new ParamError(`${name} is a PDF`, undefined, msg('node.co_pdf', { file: name }));
  try {
    if (hasPngSignature(bytes)) {
      const [w, h] = pngSize(bytes);
      tooLarge(w, h, name);
      const png = decodePng(bytes);
      const data = png.palette ? convertIndexedToRgb(png) : png.data;
      const ch = png.palette ? (png.palette[0]?.length ?? 3) : png.channels;
      const shift = png.depth === 16 ? 8 : 0;
      return toRgb(png.width, png.height, data, ch, shift);
    }
    if (isJpeg(bytes)) {
      const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_PIXELS / 1e6 });
      return toRgb(img.width, img.height, img.data, 4, 0);
    }
  } catch (err) {
    if (err instanceof ParamError) throw err;
    if (err instanceof Error && /maxResolutionInMP/.test(err.message))
      throw new ParamError(
        err.message,
        undefined,
        msg('node.co_image_too_large', { file: name, mp: MAX_PIXELS / 1e6 }),
      );
    throw new ParamError(
      `${name}: ${err instanceof Error ? err.message : String(err)}`,
      undefined,
      msg('node.co_image_unreadable', { file: name }),
    );
  }
  throw new ParamError(`${name} is not PNG or JPEG`, undefined, msg('node.co_image_unreadable', { file: name }));
}

function tooLarge(w: number, h: number, name: string) {
  if (w * h > MAX_PIXELS)
    throw new ParamError(
      `${name} has ${w}×${h} pixels`,
      undefined,
      msg('node.co_image_too_large', { file: name, mp: MAX_PIXELS / 1e6 }),
    );
}

function toRgb(width: number, height: number, src: ArrayLike<number>, ch: number, shift: number): Rgb {
  const data = new Uint8Array(width * height * 3);
  for (let p = 0, i = 0; p < width * height; p++, i += ch) {
    // Greyscale (1–2 channels) spreads to RGB; alpha is composed over white paper.
    const a = ch === 4 || ch === 2 ? (src[i + ch - 1]! >> shift) / 255 : 1;
    for (let k = 0; k < 3; k++) {
      const v = (ch >= 3 ? src[i + k]! : src[i]!) >> shift;
      data[p * 3 + k] = Math.round(v * a + 255 * (1 - a));
    }
  }
  return { width, height, data };
}
