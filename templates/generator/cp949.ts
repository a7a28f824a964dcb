/**
 * Minimal CP949 (UHC) encoder without dependencies. KS X 1001 (EUC-KR) pairs come from inverting Node's
 * TextDecoder('euc-kr'); the 8,822 Hangul syllables outside KS X 1001 follow the UHC extension layout (in Unicode
 * order: lead 0x81–0xA0 with trails 0x41–5A/61–7A/81–FE, then lead 0xA1–0xC6 with trails 0x41–5A/61–7A/81–A0).
 */
let table: Map<number, number> | null = null;

function build(): Map<number, number> {
  const map = new Map<number, number>();
  const decoder = new TextDecoder('euc-kr');
  for (let lead = 0xa1; lead <= 0xfe; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      const cp = ch.codePointAt(0);
      if (ch.length === 1 && cp !== undefined && cp !== 0xfffd && !map.has(cp)) map.set(cp, (lead << 8) | trail);
    }
  }
  // Added to KS X 1001 in 1998 and missing from ICU's EUC-KR table: euro sign and registered sign.
  map.set(0x20ac, 0xa2e6);
  map.set(0x00ae, 0xa2e7);
  const trails = (lead: number): number[] => {
    const out: number[] = [];
    for (let t = 0x41; t <= 0x5a; t++) out.push(t);
    for (let t = 0x61; t <= 0x7a; t++) out.push(t);
    for (let t = 0x81; t <= (lead <= 0xa0 ? 0xfe : 0xa0); t++) out.push(t);
    return out;
  };
  let lead = 0x81;
  let slots = trails(lead);
  let slot = 0;
  for (let cp = 0xac00; cp <= 0xd7a3; cp++) {
    if (map.has(cp)) continue;
    if (slot === slots.length) {
      lead++;
      slots = trails(lead);
      slot = 0;
    }
    map.set(cp, (lead << 8) | (slots[slot++] as number));
  }
  return map;
}

/** Encodes text as CP949; characters without a mapping become '?'. */
export function encodeCp949(text: string): Uint8Array {
  table ??= build();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0x3f;
    if (cp < 0x80) out.push(cp);
    else {
      const code = table.get(cp);
      if (code === undefined) out.push(0x3f);
      else out.push(code >> 8, code & 0xff);
    }
  }
  return Uint8Array.from(out);
}
