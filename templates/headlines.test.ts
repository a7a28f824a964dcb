import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../runtime/engine/duckdb-node.ts';
import type { Engine } from '../runtime/engine/engine.ts';
import { HEADLINES, type Headline, headlineTable } from './headlines.ts';

// Every shipped template, run the way an officer or a scheduled job outside the studio runs it: the real command
// line in its own process, each figure recomputed from the files it wrote (against ground truth kept beside the
// sample data where there is one).

const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const DATA = path.join(ROOT, 'templates/data');

let engine: Engine;
let dir: string;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
  dir = await mkdtemp(path.join(tmpdir(), 'headlines-'));
});
afterAll(async () => {
  await engine.close();
  await rm(dir, { recursive: true, force: true });
});

interface CliSummary {
  ok: boolean;
  nodes: { id: string; state: string; rows: number | null; error: string | null }[];
}

async function runFromCommandLine(h: Headline): Promise<{ summary: CliSummary; outDir: string }> {
  const outDir = await mkdtemp(path.join(dir, h.template.replace('.pipeline.json', '-')));
  const args = ['server/cli/main.ts', 'run', `templates/${h.template}`, '--json'];
  for (const o of h.outputs) args.push('--out', `${o}=${path.join(outDir, `${o}.parquet`)}`);
  for (const [k, v] of Object.entries(h.params ?? {})) args.push('--param', `${k}=${v}`);
  const { stdout } = await exec(path.join(ROOT, 'node_modules/.bin/tsx'), args, {
    cwd: ROOT,
    env: { ...process.env, INIT_CWD: ROOT },
    maxBuffer: 1 << 26,
  }).catch((e: { stdout?: string; stderr?: string; message: string }) => {
    throw new Error(`${h.template} failed from the command line:\n${e.stderr || e.stdout || e.message}`);
  });
  return { summary: JSON.parse(stdout) as CliSummary, outDir };
}

async function figureOf(h: Headline, outDir: string): Promise<number> {
  for (const o of h.outputs)
    await engine.exec(
      `CREATE OR REPLACE VIEW "${o}" AS SELECT * FROM read_parquet('${path.join(outDir, `${o}.parquet`)}')`,
    );
  const r = await engine.query(h.sql.replaceAll('{{data}}', DATA));
  return Number(r.rows[0]?.value);
}

describe('every shipped template from the command line', () => {
  it('each template has exactly one headline figure', async () => {
    const templates = (await readdir(path.join(ROOT, 'templates'))).filter((f) => f.endsWith('.pipeline.json'));
    expect(HEADLINES.map((h) => h.template).sort()).toEqual(templates.sort());
  });

  it("the README's table shows these figures", async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    const block = /<!-- headlines:start -->\n([\s\S]*?)\n<!-- headlines:end -->/.exec(readme)?.[1];
    expect(block, 'README.md lacks the headline table markers').toBeDefined();
    expect(block).toBe(headlineTable());
  });

  it.each(HEADLINES)('$template: every node done, nothing empty, and its headline figure', async (h) => {
    const { summary, outDir } = await runFromCommandLine(h);
    expect(summary.ok).toBe(true);
    expect(summary.nodes.filter((n) => n.state !== 'done').map((n) => `${n.id}: ${n.error}`)).toEqual([]);
    expect(summary.nodes.filter((n) => n.rows === 0).map((n) => n.id)).toEqual([]);
    const figure = await figureOf(h, outDir);
    expect(Number.isFinite(figure), `${h.template}: the headline SQL gave no number`).toBe(true);
    expect(
      Math.abs(figure - h.value),
      `${h.template}: ${h.label.en} is ${figure}, the README says ${h.value}`,
    ).toBeLessThanOrEqual(h.tolerance + 1e-9);
  });
});
