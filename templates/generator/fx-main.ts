/**
 * `npm run data -- fx --decl FILE.csv [--out FILE.csv] [--seed S] [--share P] [--importer C --seller C
 * --country C --date C --value C]`: remittances with planted schemes derived from any declaration CSV
 * (defaults fit templates/data/declarations.csv; for the KCS data: --importer "Importer ID" --seller
 * "Seller ID" --country "Country of Departure" --date Date --value "Item Price").
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { CsvWriter, text } from './csv.ts';
import { type DeclarationForFx, remittancesFromDeclarations } from './fx-from-declarations.ts';

const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

export async function fxMain(argv: string[]): Promise<void> {
  const { values: v } = parseArgs({
    args: argv,
    options: {
      decl: { type: 'string' },
      out: { type: 'string', default: 'templates/data/generated/fx_from_declarations.csv' },
      seed: { type: 'string', default: '42' },
      share: { type: 'string', default: '0.05' },
      importer: { type: 'string', default: 'importer_id' },
      seller: { type: 'string', default: 'seller_id' },
      country: { type: 'string', default: 'seller_country' },
      date: { type: 'string', default: 'declaration_date' },
      value: { type: 'string', default: 'declared_value_krw' },
    },
    strict: true,
  });
  if (!v.decl) throw new Error('fx: --decl FILE.csv is required');
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const reader = await con.runAndReadAll(
    `SELECT CAST(${q(v.importer)} AS VARCHAR), CAST(${q(v.seller)} AS VARCHAR), CAST(${q(v.country)} AS VARCHAR),
            strftime(CAST(${q(v.date)} AS DATE), '%Y-%m-%d'), CAST(${q(v.value)} AS DOUBLE)
     FROM read_csv(${lit(v.decl)}, all_varchar = true) WHERE ${q(v.importer)} IS NOT NULL`,
  );
  const decls: DeclarationForFx[] = reader.getRows().map((r) => ({
    importer: String(r[0]),
    seller: String(r[1] ?? ''),
    sellerCountry: r[2] === null ? null : String(r[2]),
    date: String(r[3]),
    value: Number(r[4]),
  }));
  con.closeSync();
  const { rows, schemes } = remittancesFromDeclarations(decls, Number(v.seed), Number(v.share));
  mkdirSync(dirname(v.out), { recursive: true });
  const out = new CsvWriter(v.out, ['tx_id', 'company_id', 'tx_date', 'payee', 'payee_country', 'amount', 'planted']);
  for (const r of rows)
    out.write([r.tx_id, text(r.company_id), r.tx_date, text(r.payee), text(r.payee_country), r.amount, r.planted]);
  out.close();
  console.log(
    `${v.out}\t${rows.length} remittances from ${decls.length} declarations; ${schemes.size} schemed importers`,
  );
}
