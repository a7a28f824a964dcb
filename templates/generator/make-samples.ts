/**
 * Regenerates the committed samples: `npx tsx templates/generator/make-samples.ts`
 * → templates/data/*.csv (--rows 20000 --seed 42) and templates/data/declarations-cp949.csv (first 200 rows, CP949).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeCp949 } from './cp949.ts';
import { generate } from './generate.ts';

const out = 'templates/data';
const report = await generate({ rows: 20_000, seed: 42, out, format: 'csv', quiet: true });
const lines = readFileSync(join(out, 'declarations.csv'), 'utf8').split('\n').slice(0, 201);
const slice = `${lines.join('\n')}\n`;
const bytes = encodeCp949(slice);
if (bytes.includes(0x3f) && !slice.includes('?')) throw new Error('a character has no CP949 mapping');
writeFileSync(join(out, 'declarations-cp949.csv'), bytes);
for (const t of report)
  console.log(
    `| \`${t.file.split('/').pop()}\` | ${t.rows.toLocaleString('en-US')} | ${(t.bytes / 1e6).toFixed(2)} MB |`,
  );
console.log(`| \`declarations-cp949.csv\` | 200 | ${(bytes.length / 1e3).toFixed(0)} kB |`);
