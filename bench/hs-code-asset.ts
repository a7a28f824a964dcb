/**
 * Builds the HS-code node's shipped nomenclature (`nodes/model/_hs-data/hs-nomenclature.json`) from the shared
 * data: the Korean HSK tariff lines with their parent paths and the WCO HS 2022 English texts (2/4/6 digits).
 * Compact form: each distinct parent path stored once, lines refer to it by number.
 *
 *   npx tsx bench/hs-code-asset.ts [../shared/data]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from './csv.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SHARED = path.resolve(process.argv[2] ?? path.join(ROOT, '../shared/data'));

const hsk = parseCsv(readFileSync(path.join(SHARED, 'hs-nomenclature-ko/hsk_codes.csv'), 'utf8'));
const wco = parseCsv(readFileSync(path.join(SHARED, 'hs-nomenclature/harmonized-system.csv'), 'utf8'));

const paths: string[] = [];
const pathIds = new Map<string, number>();
const lines: Array<[string, string, number, string]> = [];
for (const r of hsk) {
  const hs10 = r.hs10!.padStart(10, '0');
  const parent = r['상위설명'] ?? '';
  let p = pathIds.get(parent);
  if (p === undefined) {
    p = paths.length;
    pathIds.set(parent, p);
    paths.push(parent);
  }
  lines.push([hs10, r['품목명'] ?? '', p, r['영문품목명'] ?? '']);
}
lines.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const english: Record<string, string> = {};
for (const r of wco) if (/^[0-9]{2,6}$/.test(r.hscode ?? '')) english[r.hscode!] = r.description ?? '';

const asset = {
  source:
    'HSK 10단위 품목명·상위설명: 관세청, 공공데이터포털 "관세청_HS부호 단위별 품목명" (기준일 2026-01-01), via github.com/arang0105/HskCodeChecker @ 5fadcdf9 data/hsk_codes.csv. ' +
    'WCO HS 2022 English: github.com/datasets/harmonized-system @ 905e5a0f (ODC-PDDL-1.0).',
  paths,
  lines,
  english,
};
const out = path.join(ROOT, 'nodes/model/_hs-data/hs-nomenclature.json');
writeFileSync(out, JSON.stringify(asset));
console.log(`${lines.length} lines, ${paths.length} paths, ${Object.keys(english).length} English texts → ${out}`);
