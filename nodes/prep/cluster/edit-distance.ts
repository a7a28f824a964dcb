/**
 * Levenshtein distance over code points, and the pairs of strings within a distance k, found without
 * comparing every pair. Pigeonhole principle: cut `a` into k+2 disjoint pieces; one edit touches at most
 * one piece, so if `b` is within k edits of `a`, at least two pieces of `a` appear unchanged in `b`,
 * each shifted by at most k. Pieces are indexed by (string length, piece number, text), so a string is
 * compared only with strings of about its length that share two pieces in about the right places
 * (after PassJoin; Li, Deng, Wang and Feng, VLDB 2011). Exact: no pair within k is missed.
 *
 * A piece many values share (a common ending such as 무역 or 상사) would make every one of them a
 * candidate; since two pieces must match, the most crowded piece of each lookup only confirms
 * candidates found through the others. Values that share nearly all their text (numbered codes such
 * as `A-000123`) still make it slow; a key method suits those.
 */

/** Edit distance (insert, delete, substitute one code point each), or `limit + 1` once it must exceed `limit`. */
export function levenshtein(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const codes = (s: string) => Array.from(s, (ch) => ch.codePointAt(0)!);
  return distance(codes(a), codes(b), limit);
}

/**
 * Ukkonen's band: only cells within `limit` of the diagonal can stay within `limit`, so each row costs
 * O(limit) instead of O(length).
 */
function distance(x: ArrayLike<number>, y: ArrayLike<number>, limit: number): number {
  const n = x.length;
  const m = y.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  const band = Math.min(limit, Math.max(n, m));
  const over = band + 1;
  let prev = new Array<number>(m + 1);
  let row = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j <= band ? j : over;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(m, i + band);
    row[0] = i <= band ? i : over;
    if (from > 1) row[from - 1] = over;
    let best = row[0]!;
    for (let j = from; j <= to; j++) {
      const d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1), over);
      row[j] = d;
      if (d < best) best = d;
    }
    if (to < m) row[to + 1] = over;
    if (best > band) return limit + 1;
    [prev, row] = [row, prev];
  }
  return Math.min(prev[m]!, limit + 1);
}

/** Start and length of the k+2 pieces of a string of length `length` (the last pieces one longer). */
function pieces(length: number, k: number): [number, number][] {
  const count = k + 2;
  const short = Math.floor(length / count);
  const longer = length - short * count;
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < count; i++) {
    const len = short + (i >= count - longer ? 1 : 0);
    out.push([start, len]);
    start += len;
  }
  return out;
}

export interface NearPair {
  a: number;
  b: number;
  distance: number;
}

/** A lookup of one piece of the indexed strings of length `len` against `text`: the buckets it hits. */
interface PieceHits {
  len: number;
  piece: number;
  start: number;
  size: number;
  buckets: number[][];
  total: number;
}

/** Every pair of `strings` (by index, a < b) at edit distance 1..k (k ≤ 20). Equal strings are left to the caller. */
export function nearPairs(strings: readonly string[], k: number): NearPair[] {
  if (!Number.isInteger(k) || k < 1 || k > 20) throw new Error(`the edit distance must be 1 to 20 (got ${k})`);
  const chars = strings.map((s) => Array.from(s));
  const codes = chars.map((c) => Int32Array.from(c, (ch) => ch.codePointAt(0)!));
  const order = chars.map((_, i) => i).sort((i, j) => chars[i]!.length - chars[j]!.length);
  const index = new Map<string, number[]>();
  /** Strings too short to cut into k+2 non-empty pieces: every one is a candidate (few by nature). */
  const tiny = new Map<number, number[]>();
  const out: NearPair[] = [];
  for (const t of order) {
    const text = chars[t]!;
    const candidates = new Set<number>();
    for (let len = Math.max(0, text.length - k); len <= text.length; len++) {
      for (const s of tiny.get(len) ?? []) candidates.add(s);
      if (len >= k + 2) matchPieces(lookups(index, text, len, k), codes, codes[t]!, k, candidates);
    }
    for (const s of candidates) {
      const d = distance(codes[s]!, codes[t]!, k);
      if (d >= 1 && d <= k) out.push({ a: Math.min(s, t), b: Math.max(s, t), distance: d });
    }
    if (text.length < k + 2) {
      push(tiny, text.length, t);
      continue;
    }
    for (const [p, [start, size]] of pieces(text.length, k).entries()) {
      push(index, pieceKey(text.length, p, text, start, size), t);
    }
  }
  return out.sort((x, y) => x.a - y.a || x.b - y.b);
}

/** For each piece of the strings of length `len`: the index buckets its possible places in `text` hit. */
function lookups(index: Map<string, number[]>, text: string[], len: number, k: number): PieceHits[] {
  const shift = text.length - len;
  return pieces(len, k).map(([start, size], piece) => {
    const buckets: number[][] = [];
    let total = 0;
    for (let pos = Math.max(0, start - k); pos <= Math.min(text.length - size, start + shift + k); pos++) {
      const bucket = index.get(pieceKey(len, piece, text, pos, size));
      if (bucket) {
        buckets.push(bucket);
        total += bucket.length;
      }
    }
    return { len, piece, start, size, buckets, total };
  });
}

/**
 * Adds the strings that share at least two pieces with `text`. The most crowded piece is not walked:
 * a string matching it and one other piece is found through the other, and then checked against it.
 */
function matchPieces(hits: PieceHits[], codes: Int32Array[], text: Int32Array, k: number, out: Set<number>) {
  const crowded = hits.reduce((a, b) => (b.total > a.total ? b : a));
  const bits = new Map<number, number>();
  for (const h of hits) {
    if (h === crowded) continue;
    for (const bucket of h.buckets) for (const s of bucket) bits.set(s, (bits.get(s) ?? 0) | (1 << h.piece));
  }
  const shift = text.length - crowded.len;
  for (const [s, b] of bits) {
    if ((b & (b - 1)) !== 0) out.add(s);
    else if (hasPiece(codes[s]!, crowded, text, shift, k)) out.add(s);
  }
}

/** Whether the string's piece `h.piece` appears in `text` within the allowed shift (code points compared in place). */
function hasPiece(own: Int32Array, h: PieceHits, text: Int32Array, shift: number, k: number): boolean {
  const last = Math.min(text.length - h.size, h.start + shift + k);
  for (let pos = Math.max(0, h.start - k); pos <= last; pos++) {
    let i = 0;
    while (i < h.size && own[h.start + i] === text[pos + i]) i++;
    if (i === h.size) return true;
  }
  return false;
}

const pieceKey = (length: number, piece: number, text: string[], start: number, size: number) =>
  `${length}\u0000${piece}\u0000${text.slice(start, start + size).join('')}`;

function push<K>(map: Map<K, number[]>, key: K, value: number) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
