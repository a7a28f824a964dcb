/**
 * The C/O recognition template's sample data (issue 18), not part of `npm run data`:
 *   npx tsx templates/generator/co-samples.ts [--seed 18] [--forms 6] [--out templates/data/co]
 * writes forms.zip (scanned certificates), seal-specimens.zip (one folder per agency code), agencies.csv (the
 * issuing-agency register), declarations.csv (claimed agreement and shipment date per certificate) and
 * ground-truth.csv (what each form says, whether its seal is forged and the verdict it deserves).
 * Same seed ⇒ byte-identical files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { zipSync } from 'fflate';
import { AGENCIES, type CoSet, generateCoSet } from './co-forms.ts';

/** Fixed entry time: a ZIP stamped with "now" would differ on every run. */
const MTIME = new Date('2026-01-01T00:00:00Z');

const csv = (header: string[], rows: unknown[][]) =>
  `${[header, ...rows].map((r) => r.map((v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))).join(',')).join('\n')}\n`;

export function writeCoSamples(set: CoSet, out: string): void {
  mkdirSync(out, { recursive: true });
  const zip = (files: Record<string, Uint8Array>) =>
    zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { level: 0, mtime: MTIME }]])));
  writeFileSync(path.join(out, 'forms.zip'), zip(Object.fromEntries(set.forms.map((f) => [f.truth.file_name, f.png]))));
  writeFileSync(
    path.join(out, 'seal-specimens.zip'),
    zip(Object.fromEntries(set.specimens.map((s) => [s.file, s.png]))),
  );
  writeFileSync(
    path.join(out, 'agencies.csv'),
    csv(
      ['agency_code', 'agency_name', 'country', 'forms', 'seal_colour'],
      AGENCIES.map((a) => [a.code, a.name, a.country, a.forms.join(';'), a.colour]),
    ),
  );
  writeFileSync(
    path.join(out, 'declarations.csv'),
    csv(
      ['declaration_no', 'certificate_no', 'agreement', 'shipment_date'],
      set.forms.map((f, i) => [
        `4012324${String(i + 1).padStart(7, '0')}`,
        f.truth.certificate_no,
        f.truth.declared_agreement,
        f.truth.shipment_date,
      ]),
    ),
  );
  const keys = Object.keys(set.forms[0]?.truth ?? {});
  writeFileSync(
    path.join(out, 'ground-truth.csv'),
    csv(
      keys,
      set.forms.map((f) => keys.map((k) => (f.truth as unknown as Record<string, unknown>)[k])),
    ),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '18' },
      forms: { type: 'string', default: '6' },
      out: { type: 'string' },
    },
  });
  const out = values.out ?? path.resolve(import.meta.dirname, '../data/co');
  const set = await generateCoSet(Number(values.seed), Number(values.forms));
  writeCoSamples(set, out);
  console.log(`${set.forms.length} forms, ${set.specimens.length} specimens → ${out}`);
}
