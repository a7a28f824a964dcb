import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
export const ROOT = path.resolve(import.meta.dirname, '..');

/** Generated declarations + companies as Parquet under bench/out/, made once per size (seed 42). */
export async function ensureData(rows: number): Promise<{ dir: string; declarations: string; companies: string }> {
  const dir = path.join(ROOT, 'bench/out', `data-${rows}`);
  const declarations = path.join(dir, 'declarations.parquet');
  const companies = path.join(dir, 'companies.parquet');
  if (!existsSync(declarations) || !existsSync(companies)) {
    console.error(`[bench] generating ${rows.toLocaleString('en-US')} declarations into ${dir} …`);
    const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
    await exec(
      tsx,
      ['templates/generator/main.ts', '--rows', String(rows), '--format', 'parquet', '--out', dir, '--quiet'],
      {
        cwd: ROOT,
        maxBuffer: 1 << 24,
      },
    );
  }
  return { dir, declarations, companies };
}
