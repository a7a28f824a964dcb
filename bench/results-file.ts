import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './data.ts';

const FILE = path.join(ROOT, 'bench/RESULTS.md');

export function machine(duckdb: string): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const gib = (os.totalmem() / 2 ** 30).toFixed(0);
  return `${os.cpus().length} × ${cpu}, ${gib} GiB, ${os.type()} ${os.release()}, Node ${process.version}, DuckDB ${duckdb}`;
}

/** Replaces the section between `<!-- name -->` markers (or appends it), leaving other benchmarks' figures alone. */
export async function writeSection(name: string, body: string): Promise<void> {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  let text = '';
  try {
    text = await readFile(FILE, 'utf8');
  } catch {
    text =
      '# Benchmark results\n\nEvery figure with its command, machine and date. Re-run after touching a hot path.\n';
  }
  const block = `${start}\n${body.trim()}\n${end}`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  text = i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  await writeFile(FILE, text);
}
