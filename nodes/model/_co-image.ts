import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { decodeImage as decodeRgba, ImageDecodeError } from '../../runtime/ml/image-decode.ts';

/** 8-bit RGB pixels, row-major: what the seal finder reads. */
export interface Rgb {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A scanned page above this is refused before decoding (a 100-megapixel image would take gigabytes). */
export const MAX_PIXELS = 40_000_000;

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

/** Decodes a PNG or JPEG scan; anything else (a PDF, a corrupt file, a page over 40 MP) gets a Korean message. */
export function decodeImage(bytes: Uint8Array, name: string): Rgb {
  if (isPdf(bytes)) throw new ParamError(`${name} is a PDF`, undefined, msg('node.co_pdf', { file: name }));
  try {
    const { width, height, rgba } = decodeRgba(bytes, MAX_PIXELS / 1e6);
    return { width, height, data: overWhitePaper(rgba, width * height) };
  } catch (err) {
    if (err instanceof ImageDecodeError && err.problem.kind === 'too_large')
      throw new ParamError(
        `${name}: ${err.message}`,
        undefined,
        msg('node.co_image_too_large', { file: name, mp: MAX_PIXELS / 1e6 }),
      );
    throw new ParamError(
      `${name}: ${err instanceof Error ? err.message : String(err)}`,
      undefined,
      msg('node.co_image_unreadable', { file: name }),
    );
  }
}

/** RGBA → RGB, a transparent scan composed over white paper. */
function overWhitePaper(rgba: Uint8Array, pixels: number): Uint8Array {
  const data = new Uint8Array(pixels * 3);
  for (let p = 0; p < pixels; p++) {
    const a = rgba[p * 4 + 3]! / 255;
    for (let k = 0; k < 3; k++) data[p * 3 + k] = Math.round(rgba[p * 4 + k]! * a + 255 * (1 - a));
  }
  return data;
}
