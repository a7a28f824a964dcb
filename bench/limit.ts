import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { ensureData, ROOT } from './data.ts';
import { HAND } from './limit-cases.ts';
import { NODE_CASES } from './prep-node-cases.ts';
import { ms } from './stats.ts';

const exec = promisify(execFile);

interface Measure {
  ms: number;
  rows: number;
  peakRssMb: number;
  digest: { n: number; h: string };
}

export interface LimitRow {
  label: string;
  size: number;
  node: Measure;
  hand: Measure | null;
}

async function child(script: string, args: string[]): Promise<Measure> {
  const { stdout } = await exec(path.join(ROOT, 'node_modules/.bin/tsx'), [script, ...args], {
    cwd: ROOT,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Measure;
}

/**
 * Each case of `prep-node-cases.ts` through the runtime (`prep-node-one.ts --digest`) and as the hand-written
 * SQL of `limit-cases.ts` (`limit-hand.ts`), one fresh process at a time (never two at once: the 10M cases
 * take gigabytes), node then hand, per case. `only` keeps the cases whose label or type is listed; `onRow`
 * hears each row as soon as it is measured.
 */
export async function benchLimit(
  sizes: number[],
  only?: string[],
  onRow: (row: LimitRow) => Promise<void> = async () => {},
): Promise<LimitRow[]> {
  const out: LimitRow[] = [];
  for (const size of sizes) {
    const data = await ensureData(size);
    for (let i = 0; i < NODE_CASES.length; i++) {
      const c = NODE_CASES[i]!;
      const label = c.label ?? c.type;
      if (only && !only.includes(label) && !only.includes(c.type)) continue;
      const args = [String(i), data.declarations, data.companies];
      let node: Measure;
      let hand: Measure | null;
      try {
        node = await child('bench/prep-node-one.ts', [...args, '--digest']);
        hand = HAND[label] ? await child('bench/limit-hand.ts', args) : null;
      } catch (e) {
        // One failed case (out of memory, a broken checkout) leaves the others to run; it shows as missing.
        console.error(
          `[limit] ${label} @ ${size} failed: ${String((e as { stderr?: string }).stderr ?? e).slice(-600)}`,
        );
        continue;
      }
      const row = { label, size, node, hand };
      out.push(row);
      await onRow(row);
      console.error(
        `[limit] ${label} @ ${size}: node ${Math.round(node.ms)} ms ${Math.round(node.peakRssMb)} MB` +
          (hand
            ? ` · hand ${Math.round(hand.ms)} ms ${Math.round(hand.peakRssMb)} MB · ${sameRows(node, hand) ? 'same rows' : 'ROWS DIFFER'}`
            : ''),
      );
    }
  }
  return out;
}

function sameRows(a: Measure, b: Measure): boolean {
  return Number(a.digest.n) === Number(b.digest.n) && a.digest.h === b.digest.h;
}

const mb = (x: number) => `${Math.round(x).toLocaleString('en-US')} MB`;
const ratio = (a: number, b: number) => {
  const r = a / b;
  const text = r.toFixed(2);
  return r > 1.5 ? `**${text}**` : text;
};

/** The results section: per case and size, node and hand time · memory, their ratios, and the row check. */
export function limitSection(rows: LimitRow[], sizes: number[], command: string, machine: string): string {
  const labels = NODE_CASES.map((c) => c.label ?? c.type).filter(
    (l, i, all) => all.indexOf(l) === i && rows.some((r) => r.label === l),
  );
  const head = sizes.map((s) => {
    const n = s >= 1e6 ? `${s / 1e6}M` : s.toLocaleString('en-US');
    return `${n}: node | ${n}: hand SQL | ${n}: time × · memory ×`;
  });
  const cells = (label: string, size: number) => {
    const r = rows.find((x) => x.label === label && x.size === size);
    if (!r) return ['—', '—', '—'];
    const node = `${ms(r.node.ms)} · ${mb(r.node.peakRssMb)}`;
    if (!r.hand) return [node, '(no shorter query)', '—'];
    const same = sameRows(r.node, r.hand) ? '' : ' ⚠ rows differ';
    return [
      node,
      `${ms(r.hand.ms)} · ${mb(r.hand.peakRssMb)}`,
      `${ratio(r.node.ms, r.hand.ms)} · ${ratio(r.node.peakRssMb, r.hand.peakRssMb)}${same}`,
    ];
  };
  return `## Each node against hand-written SQL (issue 14)

Command: \`${command}\` · ${new Date().toISOString().slice(0, 10)} · ${machine}

Every case of \`bench/prep-node-cases.ts\` (prep nodes, the SQL node, a chart) over the generated declarations, in a
fresh process each, one process at a time: **node** = the runtime's run of source view → node, result written as a
table (\`bench/prep-node-one.ts\`); **hand SQL** = the query an expert would write for exactly the same rows
(\`bench/limit-cases.ts\`) as \`CREATE TABLE … AS\` over the same Parquet view (\`bench/limit-hand.ts\`). Both are
checked to give the same rows: count and an order-free hash of every row (columns by name, doubles rounded to 6
places); a mismatch is flagged. Time is wall time of the run; memory is the process's peak RSS (Node + DuckDB;
the node process also loads every node module, about 50 MB more at idle). Ratios are node / hand; above 1.5 in
bold. Hand queries need not keep any order, so a node that keeps its documented order is measured against a
query that does not have to.

| node | ${head.join(' | ')} |
|---|${sizes.map(() => '---:|---:|---:').join('|')}|
${labels.map((l) => `| \`${l}\` | ${sizes.flatMap((s) => cells(l, s)).join(' | ')} |`).join('\n')}`;
}

const KEPT = path.join(ROOT, 'bench/out/limit-rows.json');

/**
 * Rows measured so far (any run, `--node` runs too), newest per case and size, so a long run at 10M can
 * be done a few cases at a time and the section always shows every case measured.
 */
export async function keptRows(): Promise<LimitRow[]> {
  return existsSync(KEPT) ? JSON.parse(await readFile(KEPT, 'utf8')) : [];
}

export async function keepRow(row: LimitRow): Promise<LimitRow[]> {
  const rows = await keptRows();
  const kept = [...rows.filter((r) => r.label !== row.label || r.size !== row.size), row];
  await writeFile(KEPT, JSON.stringify(kept, null, 1));
  return kept;
}
