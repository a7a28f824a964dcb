// Identifiers that tie customs documents to each other and to declarations, found by pattern in free text:
// business registration numbers (사업자등록번호 ###-##-#####), import/export declaration numbers
// (#####-##-#######X), B/L numbers (after "B/L", "BL No", "선하증권" or a carrier prefix of 4 letters + digits) and
// HS codes (제8471.30-1000호, HS 8471.30, HSK 8471301000). Values come back in one canonical form so the same
// number written two ways links: digits only for business and HS numbers, upper case without spaces for B/L.
// Pure TypeScript: runs in Node and in the browser worker.

export type IdentifierKind = 'business_no' | 'declaration_no' | 'bl_no' | 'hs_code';

export interface Identifier {
  kind: IdentifierKind;
  /** Canonical form (see above). */
  value: string;
  /** As written in the text. */
  raw: string;
}

// Lookbehind/lookahead keep a business number from matching inside a longer declaration number.
const BUSINESS = /(?<![\d-])(\d{3})-(\d{2})-(\d{5})(?![\d-])/g;
const DECLARATION = /(?<![\d-])(\d{5})-?(\d{2})-?(\d{6,7}[A-Z]?)(?![\dA-Za-z-])/g;
const BL_LABELLED = /(?:B\s?\/\s?L|\bBL|선하증권)\s*(?:No\.?|번호)?\s*[:：#]?\s*([A-Z]{2,4}[A-Z0-9-]{6,18}|\d{8,18})/gi;
const BL_CARRIER = /\b([A-Z]{4}\d{8,12})\b/g;
// "HS 8471.30" or "HSK 8471301000"; "제8471호" / "제8471.30-1000호" only with 호 (제1918조 is an article).
const HS_LABELLED = /\bHSK?\s*(?:code|코드|부호)?\s*[:：]?\s*(\d{4})(?:[.-]?(\d{2}))?(?:[.-]?(\d{2})(\d{2})?)?(?!\d)/gi;
const HS_HEADING = /제\s?(\d{4})(?:\.(\d{2}))?(?:-(\d{2})(\d{2})?)?\s?호/g;
const HS_DOTTED = /(?<![\d.-])(\d{4})\.(\d{2})(?:-(\d{2})(\d{2})?)?(?![\d.])/g;

/** Every identifier in `text`, in order of appearance, duplicates (same kind and value) dropped. */
export function extractIdentifiers(text: string): Identifier[] {
  const found: Array<Identifier & { at: number }> = [];
  const add = (kind: IdentifierKind, value: string, raw: string, at: number) => {
    // Masked numbers in published documents (000-00-00000, 40000-00-000000M) identify nobody.
    if (kind !== 'hs_code' && (value.match(/[1-9]/g) ?? []).length < 3) return;
    found.push({ kind, value, raw, at });
  };
  for (const m of text.matchAll(BUSINESS)) add('business_no', `${m[1]}${m[2]}${m[3]}`, m[0], m.index);
  for (const m of text.matchAll(DECLARATION))
    if (m[0].includes('-') || /[A-Z]$/.test(m[0])) add('declaration_no', `${m[1]}${m[2]}${m[3]}`, m[0], m.index);
  for (const m of text.matchAll(BL_LABELLED)) {
    const v = m[1]!.toUpperCase().replace(/-/g, '');
    if (/\d{4}/.test(v)) add('bl_no', v, m[0], m.index);
  }
  for (const m of text.matchAll(BL_CARRIER)) add('bl_no', m[1]!, m[0], m.index);
  for (const re of [HS_LABELLED, HS_HEADING])
    for (const m of text.matchAll(re))
      add('hs_code', [m[1], m[2], m[3], m[4]].filter(Boolean).join(''), m[0].trim(), m.index);
  for (const m of text.matchAll(HS_DOTTED))
    add('hs_code', [m[1], m[2], m[3], m[4]].filter(Boolean).join(''), m[0], m.index);
  found.sort((a, b) => a.at - b.at);
  const seen = new Set<string>();
  const out: Identifier[] = [];
  for (const { at: _at, ...id } of found) {
    const key = `${id.kind}\u0000${id.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(id);
  }
  return out;
}

/** A declaration-side value in the same canonical form, so a table column can be matched against the text's. */
export function canonicalIdentifier(kind: IdentifierKind, value: string): string {
  const v = value.trim();
  if (kind === 'bl_no') return v.toUpperCase().replace(/[\s-]/g, '');
  if (kind === 'declaration_no') return v.toUpperCase().replace(/[\s-]/g, '');
  return v.replace(/\D/g, '');
}
