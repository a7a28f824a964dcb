/** Generates every table of the world into a directory (CSV, or CSV staged then converted to parquet). */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Options } from './args.ts';
import { companyCells } from './companies.ts';
import { writeConsultations } from './consultations.ts';
import { CsvWriter } from './csv.ts';
import { writeDeclarations } from './declarations.ts';
import { buildExportSupport, exporterCells, exportRowCells, PROGRAMMES, programmeCells } from './export-support.ts';
import { writeNews } from './news.ts';
import { ParquetConverter } from './parquet.ts';
import { writePortCalls } from './port-calls.ts';
import { header, TABLES, type TableKey } from './schema.ts';
import { writeSupplyChain } from './supply-chain.ts';
import { writeTravellers } from './travellers.ts';
import { buildWorld } from './world.ts';

export interface TableReport {
  table: TableKey;
  file: string;
  rows: number;
  bytes: number;
}

export async function generate(opts: Options, log: (msg: string) => void = () => {}): Promise<TableReport[]> {
  mkdirSync(opts.out, { recursive: true });
  const stage = opts.format === 'parquet' ? join(opts.out, '.csv-stage') : opts.out;
  mkdirSync(stage, { recursive: true });
  const open = (key: TableKey) => new CsvWriter(join(stage, `${TABLES[key].file}.csv`), header(TABLES[key]));
  const counts = new Map<TableKey, number>();
  const parquet = opts.format === 'parquet' ? await ParquetConverter.open(stage, opts.out, log) : null;
  const finish = async (key: TableKey, w: CsvWriter) => {
    w.close();
    counts.set(key, w.rows);
    log(`${TABLES[key].file}: ${w.rows} rows`);
    await parquet?.start(key); // converts while the next tables are generated
  };

  const world = buildWorld(opts.rows, opts.seed);
  const declarations = open('declarations');
  const fx = open('fx');
  writeDeclarations(world, declarations, fx);
  await finish('declarations', declarations);
  await finish('fx', fx);
  const companies = open('companies');
  for (const c of world.companies) companies.write(companyCells(c));
  await finish('companies', companies);
  const simple: [TableKey, (w: CsvWriter) => void][] = [
    ['travellers', (w) => writeTravellers(world, w)],
    ['supplyChain', (w) => writeSupplyChain(world, w)],
    ['portCalls', (w) => writePortCalls(world, w)],
    ['news', (w) => writeNews(world, w)],
    ['consultations', (w) => writeConsultations(world, w)],
  ];
  const exportSupport = buildExportSupport(world.companies, opts.seed);
  simple.push(
    [
      'exporters',
      (w) => {
        for (const e of exportSupport.exporters) w.write(exporterCells(e));
      },
    ],
    [
      'exportDeclarations',
      (w) => {
        for (const r of exportSupport.rows) w.write(exportRowCells(r));
      },
    ],
    [
      'exportProgrammes',
      (w) => {
        for (const prog of PROGRAMMES) w.write(programmeCells(prog));
      },
    ],
    [
      'programmeParticipation',
      (w) => {
        for (const x of exportSupport.participation) w.write([x.company, x.programme, x.year]);
      },
    ],
  );
  for (const [key, run] of simple) {
    const w = open(key);
    run(w);
    await finish(key, w);
  }

  const keys = [...counts.keys()];
  if (parquet) {
    await parquet.finish();
    rmSync(stage, { recursive: true, force: true });
  }
  const ext = opts.format === 'parquet' ? 'parquet' : 'csv';
  return keys.map((table) => {
    const file = join(opts.out, `${TABLES[table].file}.${ext}`);
    return { table, file, rows: counts.get(table) ?? 0, bytes: statSync(file).size };
  });
}
