import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ensureData, ROOT } from './data.ts';
import { HAND } from './limit-cases.ts';
import { NODE_CASES } from './prep-node-cases.ts';
import { writeSection } from './results-file.ts';
import { ms } from './stats.ts';

const exec = promisify(execFile);

interface Measure {
  /** The case the child ran (checked against the one asked for; not kept). */
  label?: string;
  ms: number;
  rows: number;
  peakRssMb: number;
  /** Absent on figures copied from a run whose digests were not kept (its row then says `same`). */
  digest?: { n: number; h: string };
}

export interface LimitRow {
  label: string;
  size: number;
  node: Measure;
  hand: Measure | null;
  /** When the node's run started (ISO, UTC) and the 1-minute load average then: a shared machine's noise. */
  at?: string;
  load?: number;
  /** Whether node and hand gave the same rows, for rows without digests (checked another way, see the notes). */
  same?: boolean;
  /** Footnote marks (keys of `LimitData.notes`) shown after this row's ratios at this size. */
  notes?: string[];
}

/**
 * Everything the results section is drawn from, committed beside this file so that no re-run loses a row:
 * every measured row (newest per case and size), the footnotes rows point at, and the analysis written by
 * hand (`limit-notes.md`, printed after the table).
 */
export interface LimitData {
  notes: Record<string, string>;
  rows: LimitRow[];
}

/** Runs one bench child for the case labelled `args[0]` and checks it ran that case. */
async function child(script: string, args: string[]): Promise<Measure> {
  const { stdout } = await exec(path.join(ROOT, 'node_modules/.bin/tsx'), [script, ...args], {
    cwd: ROOT,
    maxBuffer: 1 << 20,
  });
  const { label, ...measure } = JSON.parse(stdout.trim().split('\n').at(-1)!) as Measure;
  if (label !== args[0]) throw new Error(`${script} ran "${label}" instead of "${args[0]}"`);
  return measure;
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
    for (const c of NODE_CASES) {
      const label = c.label ?? c.type;
      if (only && !only.includes(label) && !only.includes(c.type)) continue;
      const args = [label, data.declarations, data.companies];
      const at = new Date().toISOString();
      const load = Math.round(os.loadavg()[0]! * 10) / 10;
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
      const row: LimitRow = { label, size, node, hand, at, load };
      out.push(row);
      await onRow(row);
      console.error(
        `[limit] ${label} @ ${size}: node ${Math.round(node.ms)} ms ${Math.round(node.peakRssMb)} MB` +
          (hand
            ? ` · hand ${Math.round(hand.ms)} ms ${Math.round(hand.peakRssMb)} MB · ${sameRows(row) ? 'same rows' : 'ROWS DIFFER'}`
            : '') +
          ` · load ${load}`,
      );
    }
  }
  return out;
}

function sameRows(row: LimitRow): boolean {
  if (row.same !== undefined) return row.same;
  const [a, b] = [row.node.digest, row.hand?.digest];
  return !!a && !!b && Number(a.n) === Number(b.n) && a.h === b.h;
}

const mb = (x: number) => `${Math.round(x).toLocaleString('en-US')} MB`;
const ratio = (a: number, b: number) => {
  const r = a / b;
  const text = r.toFixed(2);
  return r > 1.5 ? `**${text}**` : text;
};
const sizeName = (s: number) => (s >= 1e6 ? `${s / 1e6}M` : s.toLocaleString('en-US'));

/**
 * The results section, drawn from `data` alone: per case and size, node and hand time · memory, their ratios
 * and the row check; when and at what load each row was measured; the footnotes rows point at; the notes.
 */
export function limitSection(data: LimitData, prose: string, command: string, machine: string): string {
  const { rows } = data;
  const sizes = [...new Set(rows.map((r) => r.size))].sort((a, b) => a - b);
  const labels = NODE_CASES.map((c) => c.label ?? c.type).filter(
    (l, i, all) => all.indexOf(l) === i && rows.some((r) => r.label === l),
  );
  const head = sizes.map((s) => `${sizeName(s)}: node | ${sizeName(s)}: hand SQL | ${sizeName(s)}: time × · memory ×`);
  const find = (label: string, size: number) => rows.find((x) => x.label === label && x.size === size);
  const cells = (label: string, size: number) => {
    const r = find(label, size);
    if (!r) return ['—', '—', '—'];
    const node = `${ms(r.node.ms)} · ${mb(r.node.peakRssMb)}`;
    const marks = r.notes?.length ? ` ${r.notes.join(' ')}` : '';
    if (!r.hand) return [node, '(no shorter query)', `—${marks}`];
    const same = sameRows(r) ? '' : ' ⚠ rows differ';
    return [
      node,
      `${ms(r.hand.ms)} · ${mb(r.hand.peakRssMb)}`,
      `${ratio(r.node.ms, r.hand.ms)} · ${ratio(r.node.peakRssMb, r.hand.peakRssMb)}${same}${marks}`,
    ];
  };
  const when = (label: string) =>
    sizes
      .map((s) => find(label, s))
      .filter((r): r is LimitRow => !!r?.at)
      .map(
        (r) =>
          `${sizeName(r.size)} ${r.at!.slice(5, 16).replace('T', ' ')}${r.load === undefined ? '' : ` (${r.load})`}`,
      )
      .join(' · ') || '—';
  const used = Object.keys(data.notes).filter((k) => rows.some((r) => r.notes?.includes(k)));
  return `## Each node against hand-written SQL (issue 14)

Rows are kept in \`bench/limit-rows.json\` (committed; newest per case and size) and this section is drawn from
that file and \`bench/limit-notes.md\` alone, so a \`--node\` re-run replaces only its own rows. Last command:
\`${command}\` · ${machine}

Every case of \`bench/prep-node-cases.ts\` (prep nodes, the SQL node, a chart) over the generated declarations, in a
fresh process each, one process at a time: **node** = the runtime's run of source view → node, result written as a
table (\`bench/prep-node-one.ts\`); **hand SQL** = the query an expert would write for exactly the same rows
(\`bench/limit-cases.ts\`) as \`CREATE TABLE … AS\` over the same Parquet view (\`bench/limit-hand.ts\`). Both are
checked to give the same rows: count and an order-free hash of every row (columns by name, doubles rounded to 6
places); a mismatch is flagged. Time is wall time of the run; memory is the process's peak RSS (Node + DuckDB;
the node process also loads every node module, about 50 MB more at idle). Ratios are node / hand; above 1.5 in
bold. Hand queries need not keep any order, so a node that keeps its documented order is measured against a
query that does not have to. **measured** is the UTC date and time of the node's run and, in brackets, the
1-minute load average then (2 cores shared with other work: node and hand of one row run back to back, so their
ratio is what counts; a loaded 10M run takes several times its quiet time, peak memory does not change).

| node | ${head.join(' | ')} | measured |
|---|${sizes.map(() => '---:|---:|---:').join('|')}|---|
${labels.map((l) => `| \`${l}\` | ${sizes.flatMap((s) => cells(l, s)).join(' | ')} | ${when(l)} |`).join('\n')}
${used.map((k) => `\n${k} ${data.notes[k]}`).join('\n')}

${prose.trim()}
`;
}

const KEPT = path.join(ROOT, 'bench/limit-rows.json');
const PROSE = path.join(ROOT, 'bench/limit-notes.md');

export async function keptData(): Promise<LimitData> {
  return existsSync(KEPT) ? JSON.parse(await readFile(KEPT, 'utf8')) : { notes: {}, rows: [] };
}

/**
 * Keeps `row` in `bench/limit-rows.json` in place of the row of the same case and size (its footnotes were
 * about that older measurement and go with it); every other row stays.
 */
export async function keepRow(row: LimitRow): Promise<LimitData> {
  const data = await keptData();
  const i = data.rows.findIndex((r) => r.label === row.label && r.size === row.size);
  if (i >= 0) data.rows[i] = row;
  else data.rows.push(row);
  await writeFile(KEPT, `${JSON.stringify(data, null, 1)}\n`);
  return data;
}

/** Redraws the section of bench/RESULTS.md from the kept rows and notes; returns it. */
export async function writeLimitSection(command: string, machine: string): Promise<string> {
  const prose = existsSync(PROSE) ? await readFile(PROSE, 'utf8') : '';
  const body = limitSection(await keptData(), prose, command, machine);
  await writeSection('limit', body);
  return body;
}
