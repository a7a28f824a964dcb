import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

async function studio(...args: string[]) {
  try {
    const r = await exec(tsx, ['server/cli/main.ts', ...args], { cwd: root, env: { ...process.env, INIT_CWD: dir } });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

let dir: string;
const pipeline = (where: string, extra: object[] = []) => ({
  format: 'customs-studio/pipeline',
  version: 1,
  name: 'cli test',
  parameters: [{ name: 'min', type: 'number', default: 0 }],
  nodes: [
    { id: 'decl', type: 'source.file', params: { path: 'decl.csv', format: 'csv' } },
    { id: 'big', type: 'prep.filter', params: { where } },
    {
      id: 'by_origin',
      type: 'prep.aggregate',
      params: { groupBy: ['origin'], measures: [{ fn: 'sum', column: 'value', as: 'total' }] },
    },
    ...extra,
  ],
  edges: [
    { source: 'decl', target: 'big' },
    { source: 'big', target: 'by_origin' },
  ],
});

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cli-test-'));
  await writeFile(path.join(dir, 'decl.csv'), 'id,origin,value\n1,CN,100\n2,VN,250\n3,CN,300\n4,US,50\n');
  await writeFile(path.join(dir, 'other.csv'), 'id,origin,value\n1,JP,7\n');
  await writeFile(path.join(dir, 'ok.json'), JSON.stringify(pipeline('value >= {{min}}')));
  await writeFile(path.join(dir, 'bad-sql.json'), JSON.stringify(pipeline('valeu >= 1')));
  await writeFile(
    path.join(dir, 'invalid.json'),
    JSON.stringify(pipeline('true', [{ id: 'x', type: 'prep.nope', params: {} }])),
  );
});

describe('npm run studio', () => {
  it('runs, prints a line per node and writes --out files', async () => {
    const r = await studio('run', 'ok.json', '--param', 'min=100', '--out', 'by_origin=result.csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓ decl\s+source\.file\s+4 rows/);
    expect(r.stdout).toMatch(/✓ big\s+prep\.filter\s+fused into by_origin/);
    expect(await readFile(path.join(dir, 'result.csv'), 'utf8')).toBe('origin,total\nCN,400\nVN,250\n');
  });

  it('reads another file with --input and reports JSON with --json', async () => {
    const r = await studio('run', 'ok.json', '--input', 'decl=other.csv', '--json');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.ok).toBe(true);
    expect(summary.nodes.map((n: { id: string; rows: number | null }) => [n.id, n.rows])).toEqual([
      ['decl', 1],
      ['big', null],
      ['by_origin', 1],
    ]);
  });

  it('exits 1 naming the failing node', async () => {
    const r = await studio('run', 'bad-sql.json');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/node "big":.*valeu/);
  });

  it('exits 2 on validation and usage errors', async () => {
    const invalid = await studio('validate', 'invalid.json');
    expect(invalid.code).toBe(2);
    // Korean first, then English, each line naming the node
    expect(invalid.stderr).toMatch(
      /node "x": 알 수 없는 노드 종류입니다: "prep.nope".* · unknown node type "prep.nope"/,
    );
    const unknownParam = await studio('run', 'ok.json', '--param', 'nope=1');
    expect(unknownParam.code).toBe(2);
    expect(unknownParam.stderr).toMatch(/이 파이프라인에 없는 매개변수입니다: ‹nope›/);
    expect((await studio('fly', 'ok.json')).code).toBe(2);
    expect((await studio('run', 'missing.json')).code).toBe(2);
    expect((await studio('validate', 'ok.json')).code).toBe(0);
    // --input points only a source that reads files at another file; a filter reads none.
    const notASource = await studio('run', 'ok.json', '--input', 'big=other.csv');
    expect(notASource.code).toBe(2);
    expect(notASource.stderr).toMatch(/--input big: "big" is a prep\.filter, which reads no file/);
  });
});
