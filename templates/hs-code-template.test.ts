import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../runtime/engine/duckdb-node.ts';
import type { Engine } from '../runtime/engine/engine.ts';

/**
 * The outside contract of the HS-code template (issue 17): run by the command line with
 * `--input items=… --out predicted=…` on any CSV with 품명 and 물품설명, `predicted` keeps every column of the items in
 * order and adds hs10_1…hs10_3 (10-digit strings, leading zeros kept) and score_1. Here on a CP949 file an officer
 * saved from Excel, with an extra column, an empty description, an empty row and a numbers-only row.
 */
const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');

/** CP949 bytes of `text` (Node decodes CP949 but has no encoder: the table is read back from the decoder). */
function encodeCp949(text: string): Buffer {
  const decoder = new TextDecoder('euc-kr');
  const wanted = new Set(text);
  const table = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x41; trail <= 0xfe; trail++) {
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (wanted.has(ch) && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else out.push(...table.get(ch)!);
  }
  return Buffer.from(out);
}

const CSV = [
  '번호,품명,물품설명,비고',
  '1,냉동 새우,"껍질을 벗긴 흰다리새우를 냉동한 것, 1kg 포장",수입',
  '2,Smartphone,셀룰러 네트워크용 휴대전화기,',
  '3,볶은 커피 원두,,',
  '4,,,',
  '5,12345,0.5 / 30,',
].join('\r\n');

let engine: Engine;
let dir: string;

beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
  dir = await mkdtemp(path.join(tmpdir(), 'hs-code-template-'));
});

afterAll(async () => {
  await engine.close();
  await rm(dir, { recursive: true, force: true });
});

describe('hs-code.pipeline.json through the command line', () => {
  it('reads a CP949 file, keeps its columns in order and adds three 10-digit codes and a score', async () => {
    const input = path.join(dir, 'items-cp949.csv');
    const out = path.join(dir, 'predicted.csv');
    const bytes = encodeCp949(CSV);
    expect(bytes.includes(Buffer.from('새우'))).toBe(false); // really CP949, not UTF-8
    await writeFile(input, bytes);
    await exec(
      path.join(ROOT, 'node_modules/.bin/tsx'),
      [
        'server/cli/main.ts',
        'run',
        'templates/hs-code.pipeline.json',
        '--input',
        `items=${input}`,
        '--out',
        `predicted=${out}`,
      ],
      { cwd: ROOT, env: { ...process.env, INIT_CWD: ROOT }, maxBuffer: 1 << 24 },
    );
    const r = await engine.query(`SELECT * FROM read_csv('${out}', all_varchar = true, header = true)`);
    const columns = r.columns.map((c) => c.name);
    expect(columns.slice(0, 4)).toEqual(['번호', '품명', '물품설명', '비고']);
    expect(columns).toEqual(expect.arrayContaining(['hs10_1', 'hs10_2', 'hs10_3', 'score_1']));
    expect(columns.indexOf('hs10_1')).toBe(4);
    const rows = r.rows;
    expect(rows.map((x) => x.번호)).toEqual(['1', '2', '3', '4', '5']);
    expect(rows[0]).toMatchObject({ 품명: '냉동 새우', 비고: '수입' });
    // Shrimp is chapter 03: the leading zero survives the CSV round trip.
    expect(String(rows[0]!.hs10_1)).toMatch(/^0306[0-9]{6}$/);
    expect(String(rows[1]!.hs10_1)).toMatch(/^8517[0-9]{6}$/);
    expect(String(rows[2]!.hs10_1)).toMatch(/^0901[0-9]{6}$/);
    for (const x of rows.slice(0, 3)) {
      for (const c of ['hs10_1', 'hs10_2', 'hs10_3']) expect(String(x[c])).toMatch(/^[0-9]{10}$/);
      expect(Number(x.score_1)).toBeGreaterThan(0);
      expect(Number(x.score_1)).toBeLessThanOrEqual(1);
    }
    expect(rows[3]!.hs10_1 ?? null).toBeNull();
    expect(String(rows[3]!.hs_note)).toContain('비어 있어');
    expect(rows[4]!.hs10_1 ?? null).toBeNull();
    expect(String(rows[4]!.hs_note)).toContain('숫자·기호만');
  });
});
