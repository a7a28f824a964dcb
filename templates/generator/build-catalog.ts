/**
 * One-off curation: `npx tsx templates/generator/build-catalog.ts [path/to/hsk_codes.csv]`
 * reads the HSK nomenclature once (출처: 관세청, 공공데이터포털; via arang0105/HskCodeChecker) and writes
 * templates/generator/hs-catalog.json. The generator itself only reads the committed JSON.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { csvParseRows } from 'd3-dsv';
import { SPEC } from './catalog-spec.ts';

// shared/ sits beside the checkout.
const src =
  process.argv[2] ?? path.resolve(import.meta.dirname, '../../../shared/data/hs-nomenclature-ko/hsk_codes.csv');

/** Drops bracketed scientific names and trims to a readable length. */
function clean(s: string, max: number): string {
  let out = s.replace(/\([^()]*[A-Za-z][^()]*\)/g, '');
  out = out
    .replace(/\[[^[\]]*[A-Za-z][^[\]]*\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}

const rows = csvParseRows(readFileSync(src, 'utf8').replace(/^\uFEFF/, ''));
const byCode = new Map(rows.slice(1).map((r) => [r[0] ?? '', r]));
const lines = SPEC.flatMap((h) =>
  h.items.map(([hs10, itemKo, itemEn]) => {
    const r = byCode.get(hs10);
    if (!r) throw new Error(`HS10 ${hs10} not in ${src}`);
    const [, hs6 = '', nameKo = '', parent = '', nameEn = ''] = r;
    const leaf = parent.split(' > ').at(-1) ?? '';
    const official = nameKo === '기타' ? `${clean(leaf, 50)} > 기타` : nameKo;
    return {
      hs10,
      hs6,
      group: h.group,
      item_ko: itemKo,
      item_en: itemEn,
      official_ko: clean(official, 80),
      official_en: clean(nameEn, 80),
      price_usd_per_kg: h.price,
      basic_rate: h.rate,
      ...(h.wto === undefined ? {} : { wto_rate: h.wto }),
      fta_rate: h.fta,
      requirement_law: h.law ?? null,
      risk: h.risk,
      unit: h.unit,
      kg_per_unit: h.kgPerUnit,
      weight: h.weight,
    };
  }),
);
const out = {
  source: '출처: 관세청, 공공데이터포털 (관세청_HS부호 단위별 품목명, 기준일 2026-01-01; via arang0105/HskCodeChecker)',
  note: 'Curated for the synthetic customs world. item_* are declaration-style names written for this catalogue; official_* are the nomenclature names. Prices, rates, laws and risk levels are plausible assumptions, not official values.',
  lines,
};
writeFileSync(new URL('./hs-catalog.json', import.meta.url), `${JSON.stringify(out, null, 1)}\n`);
console.log(`wrote ${lines.length} HS10 lines`);
