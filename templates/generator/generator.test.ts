import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCp949 } from './cp949.ts';
import { EVENTS, spikeMonth } from './events.ts';
import { generate } from './generate.ts';
import { header, TABLES } from './schema.ts';

/** Rows keyed by header; every cell of a row is a string. */
const readCsv = (file: string) => csvParse(readFileSync(file, 'utf8')) as unknown as Record<string, string>[];

const rate = (rows: Record<string, string>[], pred: (r: Record<string, string>) => boolean) => {
  const sel = rows.filter((r) => r.inspected === 'true' && pred(r));
  return { n: sel.length, rate: sel.filter((r) => r.fraud === '1').length / Math.max(1, sel.length) };
};

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'kcs-gen-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('generator determinism', () => {
  it('same seed ⇒ byte-identical files; another seed ⇒ different declarations', async () => {
    const [a, b, c] = [tmp(), tmp(), tmp()];
    await generate({ rows: 2000, seed: 7, out: a, format: 'csv', quiet: true });
    await generate({ rows: 2000, seed: 7, out: b, format: 'csv', quiet: true });
    await generate({ rows: 2000, seed: 8, out: c, format: 'csv', quiet: true });
    const files = readdirSync(a).sort();
    expect(files).toHaveLength(12);
    for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
    expect(readFileSync(join(c, 'declarations.csv')).equals(readFileSync(join(a, 'declarations.csv')))).toBe(false);
  });

  it('writes byte-identical parquet for the same seed, without leaving the CSV stage behind', async () => {
    const [a, b] = [tmp(), tmp()];
    await generate({ rows: 1000, seed: 3, out: a, format: 'parquet', quiet: true });
    await generate({ rows: 1000, seed: 3, out: b, format: 'parquet', quiet: true });
    const files = readdirSync(a).sort();
    expect(files).toEqual(
      Object.values(TABLES)
        .map((t) => `${t.file}.parquet`)
        .sort(),
    );
    for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
  });
});

describe('generated world (20,000 declarations, seed 42)', () => {
  const dir = tmp();
  let decl: Record<string, string>[] = [];
  let companies: Record<string, string>[] = [];
  beforeAll(async () => {
    const report = await generate({ rows: 20_000, seed: 42, out: dir, format: 'csv', quiet: true });
    expect(report.find((t) => t.table === 'declarations')?.rows).toBe(20_000);
    decl = readCsv(join(dir, 'declarations.csv'));
    companies = readCsv(join(dir, 'companies.csv'));
  });

  it('writes every table with its schema header and sensible row counts', () => {
    for (const t of Object.values(TABLES)) {
      const first = readFileSync(join(dir, `${t.file}.csv`), 'utf8').split('\n', 1)[0];
      expect(first).toBe(header(t).join(','));
    }
    expect(decl).toHaveLength(20_000);
    expect(readCsv(join(dir, 'fx_transactions.csv')).length).toBeGreaterThan(10_000);
    expect(readCsv(join(dir, 'travellers.csv'))).toHaveLength(5_000);
    expect(companies.length).toBeGreaterThan(1_000);
  });

  it('keeps referential integrity across tables', () => {
    const ids = new Set(companies.map((c) => c.company_id));
    expect(ids.size).toBe(companies.length);
    expect(decl.every((d) => ids.has(d.importer_id ?? ''))).toBe(true);
    expect(readCsv(join(dir, 'fx_transactions.csv')).every((r) => ids.has(r.company_id ?? ''))).toBe(true);
    const chain = readCsv(join(dir, 'supply_chain.csv'));
    expect(chain.every((r) => ids.has(r.seller_company_id ?? '') && ids.has(r.buyer_company_id ?? ''))).toBe(true);
    expect(new Set(decl.map((d) => d.declaration_id)).size).toBe(decl.length);
  });

  it('keeps HS codes as 10/6-digit strings with leading zeros', () => {
    expect(decl.every((d) => /^\d{10}$/.test(d.hs10 ?? '') && d.hs6 === d.hs10?.slice(0, 6))).toBe(true);
    expect(decl.some((d) => d.hs10?.startsWith('0'))).toBe(true);
  });

  it('has the documented base rates', () => {
    const inspected = decl.filter((d) => d.inspected === 'true');
    const share = inspected.length / decl.length;
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.2);
    const fraud = rate(decl, () => true).rate;
    expect(fraud).toBeGreaterThan(0.05);
    expect(fraud).toBeLessThan(0.1);
    expect(decl.filter((d) => d.inspected === 'false').every((d) => d.fraud === '')).toBe(true);
  });

  it('plants high-risk importers (fraud rate ≥ 3× the normal segment)', () => {
    const segment = new Map(companies.map((c) => [c.company_id, c.risk_segment]));
    const high = rate(decl, (d) => segment.get(d.importer_id ?? '') === 'high');
    const normal = rate(decl, (d) => segment.get(d.importer_id ?? '') === 'normal');
    expect(high.n).toBeGreaterThan(30);
    expect(high.rate).toBeGreaterThan(3 * normal.rate);
  });

  it('plants under-valuation recoverable from prices alone (robust z < -3 within HS10 × origin)', () => {
    const groups = new Map<string, number[]>();
    for (const d of decl) {
      const k = `${d.hs10}|${d.origin_country}`;
      groups.set(k, [...(groups.get(k) ?? []), Math.log(Number(d.unit_price_usd))]);
    }
    const median = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return s[Math.floor(s.length / 2)] ?? 0;
    };
    const stats = new Map(
      [...groups].map(([k, xs]) => {
        const m = median(xs);
        return [k, { m, s: 1.4826 * median(xs.map((x) => Math.abs(x - m))), n: xs.length }];
      }),
    );
    const flagged = (d: Record<string, string>) => {
      const g = stats.get(`${d.hs10}|${d.origin_country}`);
      return !!g && g.n >= 8 && g.s > 0 && (Math.log(Number(d.unit_price_usd)) - g.m) / g.s < -3;
    };
    const low = rate(decl, flagged);
    const base = rate(decl, () => true);
    expect(low.n).toBeGreaterThan(30);
    expect(low.rate).toBeGreaterThan(3 * base.rate);
  });

  it('plants FTA circumvention (departure ≠ origin under an FTA tax type)', () => {
    const fta = (d: Record<string, string>) => d.tax_type?.startsWith('F') ?? false;
    const mismatch = rate(decl, (d) => fta(d) && d.origin_country !== d.departure_country);
    const direct = rate(decl, (d) => fta(d) && d.origin_country === d.departure_country);
    expect(mismatch.rate).toBeGreaterThan(2 * direct.rate);
  });

  it('clears air and express at the airport office, crude and ore at their ports, a lane mostly at one office', () => {
    const officesOf = (pred: (r: Record<string, string>) => boolean) =>
      decl.filter(pred).map((r) => r.customs_office ?? '');
    const within = (pred: (r: Record<string, string>) => boolean, allowed: string[]) =>
      expect(officesOf(pred).filter((o) => !allowed.includes(o))).toEqual([]);
    within((r) => r.transport_mode === 'AIR', ['인천공항세관', '서울세관', '김포공항세관']);
    within((r) => r.transport_mode === 'EXPRESS' && r.departure_country !== 'CN', ['인천공항세관']);
    within((r) => (r.hs10 ?? '').startsWith('2709'), ['울산세관', '여수세관', '인천세관']);
    within((r) => (r.hs10 ?? '').startsWith('2601'), ['광양세관', '포항세관']);
    const air = officesOf((r) => r.transport_mode === 'AIR');
    expect(air.filter((o) => o === '인천공항세관').length / air.length).toBeGreaterThan(0.75);
    // One usual office per trade lane (importer × seller × HS10), 8% of its declarations elsewhere.
    const lanes = new Map<string, Map<string, number>>();
    for (const r of decl) {
      const k = `${r.importer_id}|${r.seller_id}|${r.hs10}`;
      const m = lanes.get(k) ?? new Map<string, number>();
      m.set(r.customs_office!, (m.get(r.customs_office!) ?? 0) + 1);
      lanes.set(k, m);
    }
    const usual = [...lanes.values()].reduce((a, m) => a + Math.max(...m.values()), 0);
    expect(usual / decl.length).toBeGreaterThan(0.88);
  });

  it('spikes the linked HS6 in the month after (1–2 months) each news burst', () => {
    const monthly = new Map<string, number>();
    for (const d of decl) {
      const m = (Number(d.declaration_date?.slice(0, 4)) - 2023) * 12 + Number(d.declaration_date?.slice(5, 7)) - 1;
      const k = `${d.hs6}|${m}`;
      monthly.set(k, (monthly.get(k) ?? 0) + 1);
    }
    const spiking = EVENTS.filter((e) => {
      const others = Array.from({ length: 24 }, (_, m) => monthly.get(`${e.hs6}|${m}`) ?? 0).sort((a, b) => a - b);
      return (monthly.get(`${e.hs6}|${spikeMonth(e)}`) ?? 0) > 2 * (others[12] ?? 0);
    });
    expect(spiking.length).toBeGreaterThanOrEqual(EVENTS.length - 2);
    const news = readCsv(join(dir, 'news.csv'));
    for (const e of EVENTS) {
      const burst = news.filter((n) => n.planted_event === e.id);
      expect(burst.length).toBeGreaterThanOrEqual(10);
    }
  });

  it('encodes Korean text to CP949 (가 = B0A1, 똠 = 8C63)', () => {
    expect([...encodeCp949('가똠A')]).toEqual([0xb0, 0xa1, 0x8c, 0x63, 0x41]);
  });
});
