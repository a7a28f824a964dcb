/**
 * Synthetic dual-energy cargo X-ray images with hidden items, for training and testing `model.xray_detect`.
 *
 * Every object adds attenuation of one of three materials (organic, mixed, metal) to the pixels it covers;
 * overlapping objects add up, as they do in a transmission image. The pseudo-colour follows the usual
 * scanner convention: hue from the material mix (orange organic, green mixed, blue metal), darkness from the
 * total attenuation. Hidden items have a shape and material of their own; clutter (clothing, boxes, bottles,
 * metal frames and bars) is drawn around and over them. Ground-truth boxes are the pixels each item covers.
 */
import { Rng } from './random.ts';

export const XRAY_CLASSES = ['knife', 'gun', 'drugs', 'cigarettes', 'battery'] as const;
export type XrayClass = (typeof XRAY_CLASSES)[number];

export interface XrayBox {
  cls: XrayClass;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface XrayImage {
  width: number;
  height: number;
  /** RGBA bytes, row-major. */
  rgba: Uint8Array;
  boxes: XrayBox[];
}

const ORGANIC = [1.0, 0.62, 0.18];
const MIXED = [0.38, 0.78, 0.3];
const METAL = [0.22, 0.42, 1.0];

interface Layers {
  size: number;
  organic: Float32Array;
  mixed: Float32Array;
  metal: Float32Array;
}

type Material = 'organic' | 'mixed' | 'metal';

/** A shape in its own frame: u along its length, v across; returns [material, attenuation] parts or none. */
type Shape = (u: number, v: number) => [Material, number][] | null;

interface Placed {
  shape: Shape;
  cx: number;
  cy: number;
  angle: number;
  /** Half the extent in u and v, bounding where the shape may draw. */
  reach: number;
}

/** Draws a shape; returns the axis-aligned box of the pixels it visibly changed. */
function draw(layers: Layers, p: Placed): XrayBox | null {
  const { size } = layers;
  const cos = Math.cos(p.angle);
  const sin = Math.sin(p.angle);
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  const lo = (c: number) => Math.max(0, Math.floor(c - p.reach));
  const hi = (c: number) => Math.min(size - 1, Math.ceil(c + p.reach));
  for (let y = lo(p.cy); y <= hi(p.cy); y++)
    for (let x = lo(p.cx); x <= hi(p.cx); x++) {
      const dx = x + 0.5 - p.cx;
      const dy = y + 0.5 - p.cy;
      const parts = p.shape(dx * cos + dy * sin, -dx * sin + dy * cos);
      if (!parts) continue;
      let added = 0;
      for (const [m, a] of parts) {
        layers[m][y * size + x]! += a;
        added += a;
      }
      if (added > 0.05) {
        x1 = Math.min(x1, x);
        y1 = Math.min(y1, y);
        x2 = Math.max(x2, x + 1);
        y2 = Math.max(y2, y + 1);
      }
    }
  return x2 > x1 ? { cls: 'knife', x1, y1, x2, y2 } : null;
}

// --- hidden items ---------------------------------------------------------------------------------------

function knife(rng: Rng): { shape: Shape; reach: number } {
  const len = rng.between(24, 36);
  const w = rng.between(3.5, 6);
  const blade = len * 0.65;
  const handle = len - blade;
  const metal = rng.between(1.1, 1.6);
  return {
    reach: len * 0.6,
    shape: (u, v) => {
      const c = u + len / 2 - handle; // 0 at the guard
      if (c >= 0 && c <= blade) {
        const half = (w / 2) * Math.min(1, (blade - c) / (blade * 0.35));
        return v > -w / 2 && v < half ? [['metal', metal]] : null;
      }
      if (c < 0 && c >= -handle && Math.abs(v) < w * 0.6) return [['organic', 0.9]];
      return null;
    },
  };
}

function gun(rng: Rng): { shape: Shape; reach: number } {
  const len = rng.between(22, 32);
  const barrelH = len * 0.24;
  const gripW = len * 0.3;
  const gripH = len * 0.5;
  const metal = rng.between(1.6, 2.2);
  const slant = rng.between(0.1, 0.35);
  return {
    reach: len * 0.7,
    shape: (u, v) => {
      const x = u + len / 2;
      const y = v + barrelH / 2;
      if (x >= 0 && x <= len && y >= 0 && y <= barrelH) return [['metal', metal]];
      const gx = x - (y - barrelH) * slant; // the grip leans back
      if (y > barrelH && y <= barrelH + gripH && gx >= 0 && gx <= gripW) return [['metal', metal * 0.8]];
      // the trigger guard: a thin ring ahead of the grip
      const tx = x - gripW - len * 0.08;
      const ty = y - barrelH;
      const r = Math.hypot(tx, ty);
      if (ty > 0 && r > len * 0.08 && r < len * 0.12) return [['metal', metal * 0.6]];
      return null;
    },
  };
}

function drugs(rng: Rng): { shape: Shape; reach: number } {
  const a = rng.between(18, 28);
  const b = a * rng.between(0.55, 0.8);
  const dense = rng.between(1.6, 2.3);
  const r = Math.min(a, b) * 0.25;
  const tape = rng.chance(0.6);
  return {
    reach: Math.hypot(a, b) / 2 + 1,
    shape: (u, v) => {
      const du = Math.max(0, Math.abs(u) - (a / 2 - r));
      const dv = Math.max(0, Math.abs(v) - (b / 2 - r));
      if (Math.hypot(du, dv) > r) return null;
      const wrap: [Material, number][] = [['organic', dense]];
      if (tape && Math.abs(u) < 1.5) wrap.push(['mixed', 0.35]);
      return wrap;
    },
  };
}

function cigarettes(rng: Rng): { shape: Shape; reach: number } {
  const a = rng.between(24, 34);
  const b = rng.between(11, 16);
  const pitch = rng.between(2.5, 3.5);
  return {
    reach: Math.hypot(a, b) / 2 + 1,
    shape: (u, v) => {
      if (Math.abs(u) > a / 2 || Math.abs(v) > b / 2) return null;
      // rows of cigarettes across the carton show as regular stripes; the foil lining edges it
      const stripe = Math.abs(((u + a / 2) % pitch) - pitch / 2) < pitch * 0.22 ? 0.55 : 0;
      const edge = Math.abs(v) > b / 2 - 1 || Math.abs(u) > a / 2 - 1 ? 0.3 : 0;
      return [
        ['organic', 0.7 + stripe],
        ['mixed', edge],
      ];
    },
  };
}

function battery(rng: Rng): { shape: Shape; reach: number } {
  const cells = 1 + rng.int(3);
  const len = rng.between(14, 22);
  const d = rng.between(5, 7);
  return {
    reach: Math.hypot(len, cells * d) / 2 + 1,
    shape: (u, v) => {
      if (Math.abs(u) > len / 2) return null;
      const across = v + (cells * d) / 2;
      if (across < 0 || across > cells * d) return null;
      const inCell = (across % d) - d / 2;
      if (Math.abs(inCell) > d / 2 - 0.4) return [['mixed', 0.4]];
      const parts: [Material, number][] = [['mixed', 1.3]];
      if (Math.abs(u) > len / 2 - 2) parts.push(['metal', 1.0]); // the terminals
      if (Math.abs(inCell) < 0.9) parts.push(['metal', 0.6]); // the central electrode
      return parts;
    },
  };
}

const MAKERS: Record<XrayClass, (rng: Rng) => { shape: Shape; reach: number }> = {
  knife,
  gun,
  drugs,
  cigarettes,
  battery,
};

// --- clutter --------------------------------------------------------------------------------------------

function clutterShape(rng: Rng): { shape: Shape; reach: number } {
  const kind = rng.weighted([4, 3, 2, 2, 1.5]);
  if (kind === 0) {
    // clothing, paper, food: soft organic blobs with texture
    const a = rng.between(12, 45);
    const b = a * rng.between(0.4, 1);
    const dens = rng.between(0.15, 0.7);
    const f = rng.between(0.3, 0.9);
    return {
      reach: a / 2 + 1,
      shape: (u, v) => {
        const r = (u / (a / 2)) ** 2 + (v / (b / 2)) ** 2;
        if (r > 1) return null;
        return [['organic', dens * (0.7 + 0.3 * Math.sin(u * f) * Math.cos(v * f * 1.3))]];
      },
    };
  }
  if (kind === 1) {
    // cardboard box or suitcase outline with a thin frame
    const a = rng.between(25, 70);
    const b = rng.between(20, 60);
    const wall = rng.between(1, 2.5);
    const mat: Material = rng.chance(0.5) ? 'mixed' : 'organic';
    const fill = rng.between(0, 0.25);
    return {
      reach: Math.hypot(a, b) / 2 + 1,
      shape: (u, v) => {
        if (Math.abs(u) > a / 2 || Math.abs(v) > b / 2) return null;
        const onWall = Math.abs(u) > a / 2 - wall || Math.abs(v) > b / 2 - wall;
        return [[mat, onWall ? 0.6 : fill]];
      },
    };
  }
  if (kind === 2) {
    // bottles, cans, tiles: mixed ellipses
    const a = rng.between(8, 22);
    const b = a * rng.between(0.35, 0.9);
    const dens = rng.between(0.5, 1.4);
    return {
      reach: a / 2 + 1,
      shape: (u, v) => ((u / (a / 2)) ** 2 + (v / (b / 2)) ** 2 > 1 ? null : [['mixed', dens]]),
    };
  }
  if (kind === 3) {
    // metal bars, pipes, hinges, wires: thin straight metal
    const len = rng.between(15, 60);
    const w = rng.between(1, 3.5);
    const dens = rng.between(0.5, 1.5);
    return {
      reach: len / 2 + 1,
      shape: (u, v) => (Math.abs(u) > len / 2 || Math.abs(v) > w / 2 ? null : [['metal', dens]]),
    };
  }
  // machine parts: a metal ring or plate
  const r = rng.between(5, 12);
  const dens = rng.between(0.6, 1.6);
  const ring = rng.chance(0.5);
  return {
    reach: r + 1,
    shape: (u, v) => {
      const d = Math.hypot(u, v);
      if (d > r) return null;
      return ring && d < r * 0.6 ? null : [['metal', dens]];
    },
  };
}

const iou = (a: XrayBox, b: XrayBox) => {
  const w = Math.max(0, Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1));
  const h = Math.max(0, Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1));
  const inter = w * h;
  return inter / ((a.x2 - a.x1) * (a.y2 - a.y1) + (b.x2 - b.x1) * (b.y2 - b.y1) - inter);
};

/** Turns attenuation layers into pseudo-colour RGBA with detector noise. */
function colour(layers: Layers, rng: Rng): Uint8Array {
  const { size } = layers;
  const out = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    const o = layers.organic[i]!;
    const m = layers.mixed[i]!;
    const h = layers.metal[i]!;
    const a = o + m + h;
    const s = 1 - Math.exp(-2.2 * a);
    const v = 0.07 + 0.93 * Math.exp(-0.65 * a);
    for (let c = 0; c < 3; c++) {
      const hue = a > 1e-6 ? (o * ORGANIC[c]! + m * MIXED[c]! + h * METAL[c]!) / a : 1;
      const value = (1 - s + s * hue) * v + (rng.next() - 0.5) * 0.05;
      out[i * 4 + c] = Math.round(255 * Math.min(1, Math.max(0, value)));
    }
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** One image, `size`×`size`; the same (seed, index) gives the same image. */
export function xrayImage(seed: number, index: number, size = 128): XrayImage {
  const rng = Rng.derive(seed, `xray:${index}`);
  const layers: Layers = {
    size,
    organic: new Float32Array(size * size),
    mixed: new Float32Array(size * size),
    metal: new Float32Array(size * size),
  };
  // the container: a faint uniform load and the walls' ribs along two edges
  const load = rng.between(0.01, 0.08);
  for (let i = 0; i < size * size; i++) layers.mixed[i] = load;
  const ribs = rng.chance(0.6);
  if (ribs)
    for (let y = 0; y < size; y++)
      for (let x = 0; x < 4; x++) {
        layers.metal[y * size + x]! += 0.6;
        layers.metal[y * size + size - 1 - x]! += 0.6;
      }
  const clutter = 4 + rng.int(9);
  const place = (made: { shape: Shape; reach: number }): Placed => ({
    ...made,
    cx: rng.between(6, size - 6),
    cy: rng.between(6, size - 6),
    angle: rng.between(0, Math.PI * 2),
  });
  const before = Math.ceil(clutter / 2);
  for (let k = 0; k < before; k++) draw(layers, place(clutterShape(rng)));
  const boxes: XrayBox[] = [];
  const count = rng.chance(0.25) ? 0 : 1 + rng.int(3);
  for (let tries = 0; boxes.length < count && tries < 20; tries++) {
    const cls = XRAY_CLASSES[rng.int(XRAY_CLASSES.length)]!;
    const made = MAKERS[cls](rng);
    const p: Placed = {
      ...made,
      cx: rng.between(made.reach * 0.5 + 4, size - made.reach * 0.5 - 4),
      cy: rng.between(made.reach * 0.5 + 4, size - made.reach * 0.5 - 4),
      angle: rng.between(0, Math.PI * 2),
    };
    // try the placement on scratch layers first, so a rejected item leaves no trace
    const scratch: Layers = {
      size,
      organic: new Float32Array(size * size),
      mixed: new Float32Array(size * size),
      metal: new Float32Array(size * size),
    };
    const box = draw(scratch, p);
    if (!box || boxes.some((b) => iou(b, box) > 0.05)) continue;
    for (const m of ['organic', 'mixed', 'metal'] as const)
      for (let i = 0; i < size * size; i++) layers[m][i]! += scratch[m][i]!;
    boxes.push({ ...box, cls });
  }
  for (let k = before; k < clutter; k++) draw(layers, place(clutterShape(rng)));
  return { width: size, height: size, rgba: colour(layers, rng), boxes };
}
