import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { doc, resolve, runtimeFor, values } from '../../runtime/testing/harness.ts';
import { type DeclarationForFx, remittancesFromDeclarations } from '../../templates/generator/fx-from-declarations.ts';
import { nodeDefinitions } from '../index.ts';
import { schemeRecall } from './_trade-finance-recall.testing.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let engine: Engine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
});
afterAll(() => engine.close());

const DECL = values(
  ['imp', 'day:DATE', 'value:DOUBLE', 'seller', 'ctry'],
  [
    ['A', '2024-01-10', 1000, 'S1', 'CN'],
    ['A', '2024-02-10', 1000, 'S1', 'CN'],
    ['A', '2024-05-01', 500, 'S2', 'VN'],
    ['B', '2024-01-15', 2000, 'S3', 'US'],
  ],
);
const FX = values(
  ['payer', 'day:DATE', 'amount:DOUBLE', 'payee', 'ctry'],
  [
    ['A', '2024-01-05', 1000, 'S1', 'CN'], // 5 days ahead of the 1st declaration, 36 of the 2nd: matched
    ['A', '2024-03-01', 3000, 'S1', 'HK'], // after both S1 declarations, paid to HK ≠ CN: third country
    ['A', '2024-06-01', 9500, 'PX', 'CN'], // nobody declared goods from PX: unmatched (phantom)
    ['B', '2024-02-01', 9500, 'S3', 'US'], // three transfers just below 10,000: structuring
    ['B', '2024-02-02', 9600, 'S3', 'US'],
    ['B', '2024-02-03', 9700, 'S3', 'US'],
  ],
);
const PARAMS = {
  importer: 'imp',
  declDate: 'day',
  value: 'value',
  seller: 'seller',
  country: 'ctry',
  payer: 'payer',
  txDate: 'day',
  amount: 'amount',
  payee: 'payee',
  payeeCountry: 'ctry',
  minStructuring: 3,
};

async function run(params: Record<string, unknown>) {
  const p = resolve(
    doc(
      [
        { id: 'd', type: 'test.values', params: DECL },
        { id: 'f', type: 'test.values', params: FX },
        { id: 'n', type: 'model.trade_finance', params },
      ],
      [
        { source: 'd', target: 'n', targetPort: 'declarations' },
        { source: 'f', target: 'n', targetPort: 'fx' },
      ],
    ),
    nodeDefinitions,
  );
  const runtime = runtimeFor(engine, nodeDefinitions);
  const status = (await runtime.run(p, { targets: ['n'] })).nodes.find((s) => s.nodeId === 'n');
  if (status?.error) throw status.error;
  return (await runtime.preview(p, 'n', { limit: 100 })).rows;
}

describe('model.trade_finance', () => {
  it('links, sums and scores per importer × quarter, worked out by hand', async () => {
    const rows = await run(PARAMS);
    const pick = (r: Record<string, unknown>) => [
      r.importer,
      r.period,
      r.declarations,
      r.declared,
      r.remittances,
      r.remitted,
      r.ratio,
      r.unmatched_payments,
      r.unmatched_declarations,
      r.third_country_payments,
      r.structuring,
      r.round_amounts,
      r.mismatch_score,
      r.reason_codes,
    ];
    expect(rows.map(pick)).toEqual([
      // A Q2: 500 declared (S2, never paid), 9,500 paid to PX (no declaration): ratio 19 → 30 + phantom 30
      ['A', '2024-Q2', 1, 500, 1, 9500, 19, 1, 1, 0, 1, 0, 60, 'OVER_REMIT;PHANTOM'],
      // B Q1: 2,000 declared, 28,800 paid in 3 transfers of 9,000–9,999: ratio 14.4 → 30 + structuring 25
      ['B', '2024-Q1', 1, 2000, 3, 28800, 14.4, 0, 0, 0, 3, 0, 55, 'OVER_REMIT;STRUCTURING'],
      // A Q1: 2,000 declared, 4,000 paid (ratio 2 = factor 2 → the full 30) + 1 payment to HK (20); 2 round amounts
      ['A', '2024-Q1', 2, 2000, 2, 4000, 2, 0, 0, 1, 0, 2, 50, 'OVER_REMIT;THIRD_COUNTRY'],
    ]);
    expect(rows[0]!.reasons).toBe(
      '신고금액보다 송금 과다 (remitted above declared value); 대응 신고 없는 송금 (payments without a matching declaration)',
    );
  });

  it('a narrower window and a yearly period change the links and totals', async () => {
    // paid at most 3 days ahead: the 5 Jan payment (5 and 36 days ahead of A's declarations) links nothing
    // and joins PX as unmatched; the 10 Jan declaration is still paid on 1 Mar. One row per importer and year.
    const rows = await run({ ...PARAMS, before: 3, period: 'year' });
    expect(
      rows.map((r) => [r.importer, r.period, r.declared, r.remitted, r.unmatched_payments, r.unmatched_declarations]),
    ).toEqual([
      ['A', '2024', 2500, 13500, 2, 1],
      ['B', '2024', 2000, 28800, 0, 0],
    ]);
  });

  it('recovers the generator’s planted schemes in the sample declarations', async () => {
    const csv = path.join(ROOT, 'templates/data/declarations.csv');
    const r =
      await engine.query(`SELECT importer_id, seller_id, seller_country, strftime(declaration_date, '%Y-%m-%d') AS d,
      declared_value_krw AS v FROM read_csv('${csv}')`);
    const decls: DeclarationForFx[] = r.rows.map((x) => ({
      importer: String(x.importer_id),
      seller: String(x.seller_id),
      sellerCountry: String(x.seller_country),
      date: String(x.d),
      value: Number(x.v),
    }));
    const { rows, schemes } = remittancesFromDeclarations(decls, 42, 0.05);
    expect(remittancesFromDeclarations(decls, 42, 0.05).rows).toEqual(rows);
    expect(schemes.size).toBe(29);
    await engine.exec(`CREATE OR REPLACE TABLE decl AS SELECT * FROM read_csv('${csv}')`);
    const cols = ['tx_id', 'company_id', 'tx_date', 'payee', 'payee_country', 'amount', 'planted'];
    await engine.createTable(
      'fx',
      cols.map((name) => ({ name, type: name === 'amount' ? 'DOUBLE' : name === 'tx_date' ? 'DATE' : 'VARCHAR' })),
      cols.map((c) => rows.map((x) => x[c as keyof typeof x])),
    );
    const d = {
      importer: 'importer_id',
      date: 'declaration_date',
      value: 'declared_value_krw',
      counterparty: 'seller_id',
      country: 'seller_country',
    };
    const year = await schemeRecall(engine, d, 'year');
    // measured: recall 1.0 for each scheme (10, 9, 10 firms); false alarms 17 %, 0 %, 2.7 % of clean firms
    for (const s of year) expect(s.recall, s.scheme).toBeGreaterThanOrEqual(0.8);
    expect(year.find((s) => s.scheme === 'phantom')!.falseAlarm).toBe(0);
    expect(year.find((s) => s.scheme === 'under_invoicing')!.falseAlarm).toBeLessThan(0.25);
  });

  it('bad input gets a clear message', async () => {
    await expect(run({ ...PARAMS, low: 2 })).rejects.toThrow(/under-remittance ratio must be below/);
    await expect(run({ ...PARAMS, amount: 'payee' })).rejects.toThrow(/"payee" must be numeric/);
    await expect(run({ ...PARAMS, payer: 'nope' })).rejects.toThrow(/column "nope" is not in the input/);
  });
});
