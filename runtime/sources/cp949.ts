/**
 * A streaming CP949 (Windows code page 949, "Unified Hangul Code") decoder with TextDecoder's shape.
 *
 * Why not `new TextDecoder('euc-kr')`: in a browser that is the WHATWG euc-kr, which is CP949. In Node it
 * is ICU's strict EUC-KR: the 8,822 Hangul syllables CP949 adds beyond KS X 1001 (똠, 햏, 갂, … common
 * in names) come out as a C1 control plus a Latin letter. We take KS X 1001 (lead and trail 0xA1–0xFE)
 * from the platform decoder, where every implementation agrees, and rebuild the rest: CP949 lays the
 * missing syllables out in Unicode order over leads 0x81–0xC6 with trails 0x41–0x5A, 0x61–0x7A and
 * 0x81–0xFE (only 0x81–0xA0 from lead 0xA1 on), plus three symbols in row 0xA2.
 */
export interface TextDecoderLike {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

const LABELS = new Set(['euc-kr', 'cp949', 'windows-949', 'ks_c_5601-1987', 'ks_c_5601-1989', 'ksc5601', 'korean']);

/** A decoder for `label`: CP949 for every euc-kr label, the platform TextDecoder for the rest (throws if unknown). */
export function createDecoder(label: string): TextDecoderLike {
  return LABELS.has(label.trim().toLowerCase()) ? new Cp949Decoder() : new TextDecoder(label);
}

/** Pointer = (lead − 0x81) × 190 + (trail − 0x41), as in the WHATWG euc-kr index; 0 means unmapped. */
let index: Uint16Array | undefined;

function buildIndex(): Uint16Array {
  const table = new Uint16Array(126 * 190);
  const pairs = new Uint8Array(94 * 94 * 2);
  for (let i = 0; i < 94 * 94; i++) {
    pairs[2 * i] = 0xa1 + Math.floor(i / 94);
    pairs[2 * i + 1] = 0xa1 + (i % 94);
  }
  const text = new TextDecoder('euc-kr').decode(pairs);
  const inKsx = new Set<number>();
  if (text.length === 94 * 94) {
    for (let i = 0; i < text.length; i++) {
      const cp = text.charCodeAt(i);
      if (cp === 0xfffd || (cp >= 0xe000 && cp <= 0xf8ff)) continue; // unmapped or user-defined
      table[pointer(0xa1 + Math.floor(i / 94), 0xa1 + (i % 94))] = cp;
      if (cp >= 0xac00 && cp <= 0xd7a3) inKsx.add(cp);
    }
  }
  const slots = extensionSlots();
  let next = 0;
  for (let cp = 0xac00; cp <= 0xd7a3; cp++) {
    if (!inKsx.has(cp)) table[slots[next++]!] = cp;
  }
  table[pointer(0xa2, 0xe6)] = 0x20ac; // €
  table[pointer(0xa2, 0xe7)] = 0x00ae; // ®
  table[pointer(0xa2, 0xe8)] = 0x327e; // ㉾
  return table;
}

function extensionSlots(): number[] {
  const slots: number[] = [];
  for (let lead = 0x81; lead <= 0xc6; lead++) {
    const last = lead < 0xa1 ? 0xfe : 0xa0;
    for (let trail = 0x41; trail <= last; trail++) {
      if ((trail > 0x5a && trail < 0x61) || (trail > 0x7a && trail < 0x81)) continue;
      slots.push(pointer(lead, trail));
    }
  }
  return slots;
}

function pointer(lead: number, trail: number): number {
  return (lead - 0x81) * 190 + (trail - 0x41);
}

export class Cp949Decoder implements TextDecoderLike {
  readonly encoding = 'euc-kr';
  /** A lead byte left over from the previous chunk, 0 if none. */
  private pending = 0;

  decode(input: Uint8Array = new Uint8Array(0), options: { stream?: boolean } = {}): string {
    index ??= buildIndex();
    const units = new Uint16Array(input.length + 1);
    let n = 0;
    let lead = this.pending;
    for (let i = 0; i < input.length; i++) {
      const b = input[i]!;
      if (lead !== 0) {
        const cp = b >= 0x41 && b <= 0xfe ? index[pointer(lead, b)]! : 0;
        lead = 0;
        if (cp !== 0) {
          units[n++] = cp;
          continue;
        }
        units[n++] = 0xfffd;
        if (b >= 0x80) continue; // WHATWG: an ASCII trail byte is not swallowed
      }
      if (b < 0x80) units[n++] = b;
      else if (b >= 0x81 && b <= 0xfe) lead = b;
      else units[n++] = 0xfffd;
    }
    if (lead !== 0 && !options.stream) {
      units[n++] = 0xfffd;
      lead = 0;
    }
    this.pending = lead;
    return fromUnits(units.subarray(0, n));
  }
}

const utf16 = new TextDecoder('utf-16le');
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** UTF-16 code units to a string (the fast path needs Uint16Array to be little-endian, as on x86 and ARM). */
function fromUnits(units: Uint16Array): string {
  if (littleEndian) return utf16.decode(units);
  let out = '';
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.subarray(i, i + 8192));
  return out;
}
