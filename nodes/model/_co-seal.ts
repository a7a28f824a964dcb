import type { Rgb } from './_co-image.ts';

/**
 * Seal finding and comparison. A seal is the one coloured (red or blue) object on a black-and-white form: ink
 * pixels are segmented by colour, grouped into connected components on a coarse grid, and the largest group is the
 * seal. Two seals are compared in polar coordinates around their centres, which turns "stamped at another angle"
 * into a circular shift: the score is the best overlap (soft IoU) over all shifts, so a genuine seal stamped at any
 * angle scores high while altered ring text, a different ring or a turned or moved emblem scores low.
 */

export type Ink = 'red' | 'blue';

export interface SealLocation {
  x: number;
  y: number;
  width: number;
  height: number;
  ink: Ink;
}

export interface SealSignature {
  ink: Ink;
  /** RADII × ANGLES ink coverage in [0, 1]; row = radius ring from the centre outwards. */
  polar: Float32Array;
}

const RADII = 36;
const ANGLES = 180;
const BLOCK = 4;
/** Radial bands (fractions of the radius) scored separately. */
const BANDS = [0, 0.5, 0.8, 1];

function inkAt(img: Rgb, p: number): Ink | null {
  const r = img.data[p * 3]!;
  const g = img.data[p * 3 + 1]!;
  const b = img.data[p * 3 + 2]!;
  if (r > 110 && r - g > 55 && r - b > 45) return 'red';
  if (b > 100 && b - r > 45 && b - g > 25) return 'blue';
  return null;
}

/** The largest coloured ink object, or null when the page has no seal (fewer than ~200 coloured pixels). */
export function locateSeal(img: Rgb): SealLocation | null {
  const gw = Math.ceil(img.width / BLOCK);
  const gh = Math.ceil(img.height / BLOCK);
  const cells = new Uint8Array(gw * gh);
  let red = 0;
  let blue = 0;
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      const ink = inkAt(img, y * img.width + x);
      if (!ink) continue;
      if (ink === 'red') red++;
      else blue++;
      cells[Math.floor(y / BLOCK) * gw + Math.floor(x / BLOCK)] = 1;
    }
  if (red + blue < 200) return null;
  // Connected components on the grid, 8-neighbourhood; the ring joins up the seal's pieces.
  const label = new Int32Array(gw * gh).fill(-1);
  let best = { size: 0, x0: 0, y0: 0, x1: 0, y1: 0 };
  const stack: number[] = [];
  for (let start = 0; start < cells.length; start++) {
    if (!cells[start] || label[start] !== -1) continue;
    const c = { size: 0, x0: gw, y0: gh, x1: 0, y1: 0 };
    label[start] = start;
    stack.push(start);
    while (stack.length) {
      const i = stack.pop()!;
      const cx = i % gw;
      const cy = (i - cx) / gw;
      c.size++;
      c.x0 = Math.min(c.x0, cx);
      c.y0 = Math.min(c.y0, cy);
      c.x1 = Math.max(c.x1, cx);
      c.y1 = Math.max(c.y1, cy);
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const nx = cx + dx;
          const ny = cy + dy;
          if (nx < 0 || ny < 0 || nx >= gw || ny >= gh) continue;
          const j = ny * gw + nx;
          if (cells[j] && label[j] === -1) {
            label[j] = start;
            stack.push(j);
          }
        }
    }
    if (c.size > best.size) best = c;
  }
  // The grid box is only as exact as a block; the seal's exact box comes from its own pixels.
  const ink: Ink = red >= blue ? 'red' : 'blue';
  let x0 = img.width;
  let y0 = img.height;
  let x1 = -1;
  let y1 = -1;
  for (let y = best.y0 * BLOCK; y < Math.min(img.height, (best.y1 + 1) * BLOCK); y++)
    for (let x = best.x0 * BLOCK; x < Math.min(img.width, (best.x1 + 1) * BLOCK); x++) {
      if (inkAt(img, y * img.width + x) !== ink) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  if (x1 < 0) return null;
  return { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1, ink };
}

/** The seal's ink in polar cells around the centre of its box, radius normalised to the box. */
export function signature(img: Rgb, at: SealLocation): SealSignature {
  const cx = at.x + at.width / 2;
  const cy = at.y + at.height / 2;
  const radius = Math.max(at.width, at.height) / 2;
  const polar = new Float32Array(RADII * ANGLES);
  const inked = (x: number, y: number) => {
    // A 3 × 3 neighbourhood: tolerates a pixel of misregistration and ink loss.
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        const px = Math.round(x) + dx;
        const py = Math.round(y) + dy;
        if (px >= 0 && py >= 0 && px < img.width && py < img.height && inkAt(img, py * img.width + px) === at.ink)
          return 1;
      }
    return 0;
  };
  for (let ri = 0; ri < RADII; ri++)
    for (let ai = 0; ai < ANGLES; ai++) {
      let sum = 0;
      for (const [fr, fa] of [
        [0.25, 0.25],
        [0.75, 0.25],
        [0.25, 0.75],
        [0.75, 0.75],
      ] as const) {
        const r = ((ri + fr) / RADII) * radius;
        const t = ((ai + fa) / ANGLES) * 2 * Math.PI;
        sum += inked(cx + r * Math.cos(t), cy + r * Math.sin(t));
      }
      polar[ri * ANGLES + ai] = sum / 4;
    }
  return { ink: at.ink, polar };
}

/**
 * The rotation with the best overall overlap, then the mean overlap of three rings of the seal taken separately
 * (emblem, inner ring, ring text and rim): the rim alone is a large circle every forgery copies, so weighing the
 * rings equally keeps a changed emblem or text from hiding behind it.
 */
export function compareSeals(a: SealSignature, b: SealSignature): { score: number; degrees: number } {
  let best = { overall: -1, shift: 0 };
  for (let s = 0; s < ANGLES; s++) {
    const o = overlap(a, b, s, 0, RADII);
    if (o > best.overall) best = { overall: o, shift: s };
  }
  let sum = 0;
  for (let k = 0; k + 1 < BANDS.length; k++)
    sum += overlap(a, b, best.shift, Math.round(RADII * BANDS[k]!), Math.round(RADII * BANDS[k + 1]!));
  const score = sum / (BANDS.length - 1);
  // The stamp is turned the opposite way to the shift that aligns it with the specimen.
  return { score, degrees: Math.round((((ANGLES - best.shift) % ANGLES) * 360) / ANGLES) };
}

function overlap(a: SealSignature, b: SealSignature, shift: number, r0: number, r1: number): number {
  let inter = 0;
  let union = 0;
  for (let ri = r0; ri < r1; ri++) {
    const row = ri * ANGLES;
    for (let ai = 0; ai < ANGLES; ai++) {
      const x = a.polar[row + ai]!;
      const y = b.polar[row + ((ai + shift) % ANGLES)]!;
      inter += Math.min(x, y);
      union += Math.max(x, y);
    }
  }
  return union > 0 ? inter / union : 0;
}
