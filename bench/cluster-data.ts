/**
 * A 1M-row company-name column for the cluster benchmark: the generator's company names (`name_ko`) with the
 * variants officers meet in declarations — legal forms `(주)` / `㈜` / `주식회사` before or after, spacing, and
 * one-syllable typos — repeated to `rows` rows, seeded. Written once as Parquet under bench/out/.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBNodeEngine } from '../runtime/engine/duckdb-node.ts';
import { stringLiteral } from '../runtime/sql/quote.ts';
import { GROUPS } from '../templates/generator/catalog.ts';
import { companyName } from '../templates/generator/names.ts';
import { Rng } from '../templates/generator/random.ts';
import { ROOT } from './data.ts';

const FORM = /^(\(주\)|㈜|주식회사 |유한회사 )|(\(주\)|㈜| 주식회사)$/g;
const VARIANTS: [(base: string) => string, number][] = [
  [(b) => `(주)${b}`, 0.3],
  [(b) => `㈜${b}`, 0.15],
  [(b) => `주식회사 ${b}`, 0.2],
  [(b) => `${b}(주)`, 0.1],
  [(b) => `${b} 주식회사`, 0.08],
  [(b) => `( 주 ) ${b}`, 0.03],
  [(b) => `주식회사${b}`, 0.06],
  [(b) => b, 0.08],
];

/** The company stems the generator would name (legal form stripped), distinct. */
export function companyBases(count: number, seed: number): string[] {
  const rng = new Rng(seed);
  const bases = new Set<string>();
  for (let i = 0; bases.size < count && i < count * 20; i++) {
    const group = GROUPS[rng.int(GROUPS.length)]!;
    bases.add(companyName(rng, group).ko.replace(FORM, '').trim());
  }
  return [...bases];
}

/** One written form of `base`: a legal-form variant, sometimes a space inside, sometimes a typo. */
export function variantOf(base: string, rng: Rng): string {
  let b = base;
  if (b.length > 3 && rng.chance(0.1)) {
    const at = 2 + rng.int(b.length - 3);
    b = `${b.slice(0, at)} ${b.slice(at)}`;
  }
  if (b.length > 3 && rng.chance(0.03)) {
    // One syllable's final consonant changes (a one-jamo typo): 산 → 상, or a syllable is dropped.
    const at = 1 + rng.int(b.length - 2);
    const code = b.charCodeAt(at);
    b =
      code >= 0xac00 && code <= 0xd7a3 && (code - 0xac00) % 28 > 0
        ? `${b.slice(0, at)}${String.fromCharCode(code + ((code - 0xac00) % 28 === 27 ? -1 : 1))}${b.slice(at + 1)}`
        : `${b.slice(0, at)}${b.slice(at + 1)}`;
  }
  let r = rng.next() * VARIANTS.reduce((a, v) => a + v[1], 0);
  for (const [make, w] of VARIANTS) {
    r -= w;
    if (r <= 0) return make(b);
  }
  return b;
}

/** `rows` company names (column `name`), a skewed choice among (up to) `bases` distinct companies; seeded. */
export function companyNameColumn(rows: number, seed = 42, bases = 20_000): string[] {
  const stems = companyBases(bases, seed);
  const rng = new Rng(seed + 1);
  const out = new Array<string>(rows);
  for (let i = 0; i < rows; i++) {
    // Skewed: a few companies declare a lot (importers), most rarely.
    const k = Math.floor(stems.length * rng.next() ** 2);
    out[i] = variantOf(stems[k]!, rng);
  }
  return out;
}

/** bench/out/cluster-names-<rows>.parquet, generated once. */
export async function ensureCompanyNames(rows: number, seed = 42): Promise<string> {
  const dir = path.join(ROOT, 'bench/out');
  const file = path.join(dir, `cluster-names-${rows}.parquet`);
  if (existsSync(file)) return file;
  await mkdir(dir, { recursive: true });
  const csv = path.join(dir, `cluster-names-${rows}.csv`);
  const names = companyNameColumn(rows, seed);
  await writeFile(csv, `name\n${names.map((n) => `"${n.replaceAll('"', '""')}"`).join('\n')}\n`);
  const engine = await DuckDBNodeEngine.create();
  try {
    await engine.exec(
      `COPY (SELECT name FROM read_csv(${stringLiteral(csv)}, header = true, columns = {'name': 'VARCHAR'})) TO ${stringLiteral(file)} (FORMAT parquet)`,
    );
  } finally {
    await engine.close();
    await rm(csv, { force: true });
  }
  return file;
}
