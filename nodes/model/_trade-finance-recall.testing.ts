import type { Engine } from '../../runtime/engine/engine.ts';
import { type TradeFinanceOptions, tradeFinanceSql } from './_trade-finance-sql.ts';

/** Which reason code should reveal each planted scheme of `fx-from-declarations.ts`. */
export const CODE_OF: Record<string, string> = {
  under_invoicing: 'OVER_REMIT',
  over_invoicing: 'UNDER_REMIT',
  phantom: 'PHANTOM',
};

export const TF_DEFAULTS = {
  purposes: [],
  before: 90,
  after: 180,
  low: 0.5,
  high: 1.5,
  threshold: 10000,
  band: 0.1,
  roundUnit: 1000,
  minStructuring: 5,
} as const;

/**
 * Runs the node's SQL over tables `decl` and `fx` (the generator's columns) and measures, per scheme, the
 * share of schemed importers whose rows carry the matching reason code, and the share of clean importers
 * that carry it (false alarms).
 */
export async function schemeRecall(engine: Engine, d: TradeFinanceOptions['d'], period: TradeFinanceOptions['period']) {
  const sql = tradeFinanceSql({
    ...TF_DEFAULTS,
    purposes: [],
    decl: 'decl',
    fx: 'fx',
    d,
    f: { payer: 'company_id', date: 'tx_date', amount: 'amount', payee: 'payee', country: 'payee_country' },
    period,
  });
  await engine.exec(`CREATE OR REPLACE TABLE tf_result AS ${sql}`);
  const r = await engine.query(`
    WITH truth AS (SELECT company_id, any_value(planted) AS scheme FROM fx GROUP BY 1),
    flags AS (SELECT importer, string_agg(reason_codes, ';') AS codes FROM tf_result GROUP BY 1)
    SELECT s.scheme, count(*) AS firms,
      count(*) FILTER (WHERE contains(coalesce(f.codes, ''), CASE s.scheme ${Object.entries(CODE_OF)
        .map(([k, c]) => `WHEN '${k}' THEN '${c}'`)
        .join(' ')} END)) AS found,
      (SELECT count(*) FROM truth t LEFT JOIN flags g ON g.importer = t.company_id WHERE t.scheme IS NULL
         AND contains(coalesce(g.codes, ''), CASE s.scheme ${Object.entries(CODE_OF)
           .map(([k, c]) => `WHEN '${k}' THEN '${c}'`)
           .join(' ')} END)) AS clean_flagged,
      (SELECT count(*) FROM truth WHERE scheme IS NULL) AS clean
    FROM truth s LEFT JOIN flags f ON f.importer = s.company_id WHERE s.scheme IS NOT NULL GROUP BY 1 ORDER BY 1`);
  return r.rows.map((x) => ({
    scheme: String(x.scheme),
    recall: Number(x.found) / Number(x.firms),
    falseAlarm: Number(x.clean_flagged) / Number(x.clean),
    firms: Number(x.firms),
  }));
}
