/**
 * A private PostgreSQL cluster on loopback in a temp dir for the API and runner benchmarks (the same recipe
 * as `.ci/run`: initdb + pg_ctl; as root it runs as the `postgres` user). Durable defaults (fsync,
 * synchronous_commit on): save figures include real commits.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../e2e/server.ts';

export interface PrivatePostgres {
  url: string;
  version: string;
  stop(): void;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres | null> {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const major = readdirSync(root)
    .filter((d) => existsSync(join(root, d, 'bin/pg_ctl')))
    .sort((a, b) => Number(a) - Number(b))
    .pop();
  if (!major) return null;
  const bin = join(root, major, 'bin');
  const dir = mkdtempSync(join(tmpdir(), 'cas-runner-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const as = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  const port = await freePort();
  const data = join(dir, 'data');
  as('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}`;
  as('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start', '-o', options]);
  const banner = execFileSync(join(bin, 'postgres'), ['--version'], { encoding: 'utf8' });
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    version: /\d+\.\d+/.exec(banner)?.[0] ?? major,
    stop() {
      try {
        as('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
