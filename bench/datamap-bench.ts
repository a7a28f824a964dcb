/**
 * Coverage and search success of the customs data map (KCS model (10)) over the shipped sample files:
 *   npm run bench -- --suite datamap
 * Uses the server's stage guess, join keys and field dictionary and the studio page's own search.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { csvParseRows } from 'd3-dsv';
import { guessStage, joinKeys, STAGE_LABELS } from '../nodes/model/_clearance-stages.ts';
import { fieldDictionary } from '../server/datamap/dictionary.ts';
import type { MapEntry } from '../studio/src/library/datamap-model.ts';
import { matches } from '../studio/src/library/datamap-model.ts';
import { ROOT } from './data.ts';
import { writeSection } from './results-file.ts';

function sampleHeaders(): { name: string; columns: string[] }[] {
  const out: { name: string; columns: string[] }[] = [];
  for (const dir of ['', 'kcs']) {
    const abs = path.join(ROOT, 'templates/data', dir);
    for (const f of readdirSync(abs).filter((x) => x.endsWith('.csv') && !x.includes('cp949'))) {
      const firstLine = readFileSync(path.join(abs, f), 'utf8').split('\n', 1)[0] ?? '';
      out.push({ name: dir ? `${dir}/${f}` : f, columns: csvParseRows(firstLine)[0] ?? [] });
    }
  }
  return out;
}

export async function runDataMapSuite(machine: string): Promise<void> {
  const dictionary = fieldDictionary();
  const fieldOf = new Map<string, number>();
  for (const f of dictionary) for (const c of f.columns) fieldOf.set(c, f.no);
  const entries = sampleHeaders().map(({ name, columns }) => ({
    name,
    stage: guessStage(columns),
    keys: joinKeys(columns).map((k) => k.key),
    entry: {
      name,
      owner: '',
      note: '',
      columns: columns.map((c) => ({ name: c, field: fieldOf.get(c) ?? null })),
    } as unknown as MapEntry,
  }));
  const placed = entries.filter((e) => e.stage !== 'reference');
  const declarationCols = entries.filter((e) => e.stage === 'import_declaration').flatMap((e) => e.entry.columns);
  const described = declarationCols.filter((c) => c.field !== null).length;
  const usedFields = dictionary.filter((f) => entries.some((e) => e.entry.columns.some((c) => c.field === f.no)));
  // search success: searching a field's name finds every dataset that has a column it describes
  let ok = 0;
  const misses: string[] = [];
  for (const f of usedFields) {
    const expected = entries.filter((e) => e.entry.columns.some((c) => c.field === f.no)).map((e) => e.name);
    const found = entries
      .filter((e) => matches(e.entry, f.name, dictionary, STAGE_LABELS[e.stage].ko))
      .map((e) => e.name);
    if (expected.every((n) => found.includes(n))) ok++;
    else misses.push(f.name);
  }
  const pct = (a: number, b: number) => `${a} / ${b} (${Math.round((100 * a) / Math.max(1, b))} %)`;
  const body = `## Customs data map: coverage and search (issue 18 part 4)

Command: \`npm run bench -- --suite datamap\` · ${new Date().toISOString().slice(0, 10)} · ${machine}

Over the ${entries.length} shipped sample files (\`templates/data\`, \`templates/data/kcs\`; stages guessed from column
names by \`nodes/model/_clearance-stages.ts\`, search = the page's own \`matches\`).

| measure | value |
|---|---:|
| datasets placed in a clearance stage (not 기준정보·기타) | ${pct(placed.length, entries.length)} |
| columns of declaration datasets with a field-dictionary entry | ${pct(described, declarationCols.length)} |
| dictionary entries describing some shipped column | ${pct(usedFields.length, dictionary.length)} |
| search by a dictionary field's name finds every dataset it describes | ${pct(ok, usedFields.length)}${misses.length ? ` (missed: ${misses.join(', ')})` : ''} |
| datasets with at least one join key (신고번호, B/L, 통관고유부호, HS) | ${pct(entries.filter((e) => e.keys.length > 0).length, entries.length)} |

| dataset | stage (guessed) | join keys |
|---|---|---|
${entries.map((e) => `| \`${e.name}\` | ${STAGE_LABELS[e.stage].ko} | ${e.keys.join(', ') || '—'} |`).join('\n')}`;
  await writeSection('datamap', body);
  console.log(body);
}
