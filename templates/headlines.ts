// The headline figure of every shipped template: what an officer reads first in its result, as documented in the
// README's template table. `templates/headlines.test.ts` runs each template through the real command line
// (`npm run studio -- run … --out …`) and recomputes the figure from the files it wrote, so the README cannot drift
// from what the templates give.

export interface Headline {
  /** The template's file name under templates/. */
  readonly template: string;
  /** Nodes written with `--out` (as Parquet); the SQL below reads each as a view named by its node id. */
  readonly outputs: readonly string[];
  /** `--param name=value` pairs, when the figure is measured on another setting than the template's default. */
  readonly params?: Readonly<Record<string, string>>;
  readonly label: { readonly ko: string; readonly en: string };
  /**
   * DuckDB SQL giving one row with a numeric column `value`. `{{data}}` stands for templates/data (the sample
   * files the template reads), so ground truth kept beside the sample (planted rows, later findings) can be joined.
   */
  readonly sql: string;
  /** The documented figure and how far a run may be from it (models trained with seeds stay exact; sums of doubles do not). */
  readonly value: number;
  readonly tolerance: number;
  /** How the README prints it. */
  readonly unit: 'count' | 'share' | 'ratio';
}

const DECL = "read_csv('{{data}}/declarations.csv', types = {'hs6': 'VARCHAR', 'hs10': 'VARCHAR'})";

/** Precision of the riskiest 5 % (ties broken by id) against the declarations' own Fraud label. */
const topFivePercentPrecision = (rel: string) => `
  SELECT avg("Fraud") AS value FROM (
    SELECT "Fraud" FROM ${rel} ORDER BY risk_score DESC, "Declaration ID"
    LIMIT (SELECT ceil(count(*) * 0.05) FROM ${rel}))`;

export const HEADLINES: readonly Headline[] = [
  {
    template: 'bigfinder.pipeline.json',
    outputs: ['ranked'],
    label: {
      ko: '2024년에 적발된 수입자 비율: 상위 50 의심자 ÷ 의심자 전체 (향상도)',
      en: 'Share caught in 2024: top-50 suspects ÷ all suspects (lift)',
    },
    sql: `
      WITH later AS (SELECT DISTINCT importer_id FROM ${DECL} WHERE declaration_date > DATE '2023-12-31' AND fraud),
           flagged AS (SELECT suspect_rank, entity IN (SELECT importer_id FROM later) AS caught FROM ranked)
      SELECT (SELECT avg(caught::INT) FROM (SELECT caught FROM flagged ORDER BY suspect_rank LIMIT 50))
             / avg(caught::INT) AS value FROM flagged`,
    value: 1.649,
    tolerance: 0.01,
    unit: 'ratio',
  },
  {
    template: 'co-recognition.pipeline.json',
    outputs: ['evaluation'],
    label: { ko: '예제 증명서 최종 판정 정확도', en: 'Verdict accuracy on the sample certificates' },
    sql: `SELECT accuracy AS value FROM evaluation WHERE measure LIKE '최종 판정%'`,
    value: 1,
    tolerance: 0,
    unit: 'share',
  },
  {
    template: 'consultation-chatbot.pipeline.json',
    outputs: ['check'],
    label: {
      ko: '결정례 질문 20개 중 정답 결정례를 1순위로 낸 비율 (Recall@1)',
      en: 'Ruling questions answered with the right ruling first (Recall@1)',
    },
    sql: `SELECT avg(coalesce(right_rank = 1, false)::INT) AS value FROM "check" WHERE question_id LIKE 'R%'`,
    value: 0.9,
    tolerance: 0,
    unit: 'share',
  },
  {
    template: 'cp949-declarations.pipeline.json',
    outputs: ['ranked'],
    label: {
      ko: 'CP949 파일에서 읽은 상위 품목 20개의 신고 건수',
      en: 'Declarations of the top 20 items read from CP949',
    },
    sql: 'SELECT sum(declarations) AS value FROM ranked',
    value: 72,
    tolerance: 0,
    unit: 'count',
  },
  {
    template: 'data-map.pipeline.json',
    outputs: ['summary'],
    label: { ko: '통관 단계에 배치된 자료 비율', en: 'Datasets placed in a clearance stage' },
    sql: `SELECT percent / 100 AS value FROM summary WHERE measure LIKE '단계에 배치된 자료%'`,
    value: 0.75,
    tolerance: 0,
    unit: 'share',
  },
  {
    template: 'document-association.pipeline.json',
    outputs: ['clusters'],
    label: {
      ko: '가장 비슷한 판례가 같은 사건명인 판례 비율',
      en: 'Judgments whose nearest judgment has the same case type',
    },
    sql: `
      WITH j AS (SELECT 사건번호 AS id, 사건명 AS kind FROM read_csv('{{data}}/court-judgments.csv'))
      SELECT avg((a.kind = b.kind)::INT) AS value
      FROM clusters c JOIN j a ON a.id = c.doc_id JOIN j b ON b.id = c.nearest_id`,
    value: 0.3713,
    tolerance: 0.005,
    unit: 'share',
  },
  {
    template: 'export-support.pipeline.json',
    outputs: ['recommend'],
    params: { history_year: '2023' },
    label: {
      ko: '2023년 이력으로 추천한 상위 5개 안에 2024년에 실제 참여한 사업이 있는 업체 비율',
      en: 'Exporters with a 2024 programme among the top 5 learnt from 2023',
    },
    sql: `
      WITH joined AS (SELECT company_id, programme_id FROM read_csv('{{data}}/programme_participation.csv') WHERE year = 2024)
      SELECT avg(hit::INT) AS value FROM (
        SELECT j.company_id, bool_or(r.programme_id IS NOT NULL) AS hit
        FROM joined j LEFT JOIN recommend r ON r.exporter_id = j.company_id AND r.programme_id = j.programme_id
        GROUP BY j.company_id)`,
    value: 0.6916,
    tolerance: 0.005,
    unit: 'share',
  },
  {
    template: 'hs-code.pipeline.json',
    outputs: ['predicted'],
    label: {
      ko: '예제 물품 14개의 1순위 HS6 정답률 (정답은 관세율표로 직접 분류)',
      en: 'Top-1 HS6 on the 14 sample items (answers classified by hand from the tariff)',
    },
    // The answer key was worked out from the nomenclature by hand (H015 is the blank row kept to show the warning).
    sql: `
      WITH truth(item_id, hs6) AS (VALUES ('H001','030617'), ('H002','847130'), ('H003','850760'), ('H004','610910'),
        ('H005','731815'), ('H006','392010'), ('H007','090121'), ('H008','220421'), ('H009','401110'),
        ('H010','851713'), ('H011','330499'), ('H012','853952'), ('H013','291814'), ('H014','940169'))
      SELECT avg((left(p.hs10_1, 6) = t.hs6)::INT) AS value FROM truth t JOIN predicted p USING (item_id)`,
    value: 12 / 14,
    tolerance: 0,
    unit: 'share',
  },
  {
    template: 'import-price-band.pipeline.json',
    outputs: ['check'],
    label: { ko: '기준대 미만 상위 5 % 신고의 적발 정밀도', en: 'Precision of the lowest-priced 5 %' },
    sql: `SELECT precision AS value FROM "check" WHERE part = 'metrics' AND k = 5`,
    value: 0.3287,
    tolerance: 0.001,
    unit: 'share',
  },
  {
    template: 'importer-profile.pipeline.json',
    outputs: ['ranked'],
    label: {
      ko: '프로파일을 만든 수입자 수 (신고 자료의 수입자 수와 같음)',
      en: 'Importers profiled (all importers in the declarations)',
    },
    sql: `SELECT CASE WHEN count(*) = (SELECT count(DISTINCT importer_id) FROM ${DECL}) THEN count(*) ELSE -1 END AS value FROM ranked`,
    value: 853,
    tolerance: 0,
    unit: 'count',
  },
  {
    template: 'inspection-hit-rate.pipeline.json',
    outputs: ['ranked'],
    label: { ko: '적발률이 가장 높은 원산지 × HS 류의 적발률', en: 'Highest hit rate of an origin × HS chapter' },
    sql: 'SELECT max(hit_rate) AS value FROM ranked',
    value: 0.4242,
    tolerance: 0.0001,
    unit: 'share',
  },
  {
    template: 'issue-trends.pipeline.json',
    outputs: ['alerts'],
    label: {
      ko: '심어 둔 이슈 14개 중 그 이슈 기사가 나온 달에 경보가 난 비율',
      en: 'Planted issues alerted in a month their news appeared',
    },
    sql: `
      WITH planted AS (SELECT DISTINCT planted_event AS event, strftime(published_date, '%Y-%m') AS month, title_ko
                       FROM read_csv('{{data}}/news.csv') WHERE planted_event IS NOT NULL)
      SELECT count(DISTINCT p.event) / (SELECT count(DISTINCT event) FROM planted) AS value
      FROM planted p JOIN alerts a ON a.month = p.month AND contains(p.title_ko, a.term)`,
    value: 13 / 14,
    tolerance: 0,
    unit: 'share',
  },
  {
    template: 'requirement-risk.pipeline.json',
    outputs: ['check'],
    label: { ko: '2024년 7월 이후 검사로 잰 AUC', en: 'AUC on inspections from July 2024' },
    sql: `SELECT auc AS value FROM "check" WHERE part = 'metrics' AND k = 5`,
    value: 0.8426,
    tolerance: 0.001,
    unit: 'ratio',
  },
  {
    template: 'risk-clustering.pipeline.json',
    outputs: ['scored'],
    label: { ko: '위험 점수 상위 5 % 신고의 적발 정밀도', en: 'Precision of the riskiest 5 % of new declarations' },
    sql: topFivePercentPrecision('scored'),
    value: 0.9459,
    tolerance: 0.01,
    unit: 'share',
  },
  {
    template: 'risk-screening.pipeline.json',
    outputs: ['scored'],
    label: { ko: '위험 점수 상위 5 % 신고의 적발 정밀도', en: 'Precision of the riskiest 5 % of new declarations' },
    sql: topFivePercentPrecision('scored'),
    value: 0.8698,
    tolerance: 0.01,
    unit: 'share',
  },
  {
    template: 'supply-chain.pipeline.json',
    outputs: ['rate_chart'],
    label: {
      ko: 'FTA 신청 + 원산지≠출발국 신고의 적발률 ÷ 나머지 신고의 적발률',
      en: 'Fraud rate under an FTA claim with departure ≠ origin ÷ the rest',
    },
    sql: `
      SELECT max(적발률) FILTER (WHERE 구분 = '해당 신고') / max(적발률) FILTER (WHERE 구분 = '나머지 신고') AS value
      FROM rate_chart WHERE "이상 유형" LIKE '%FTA 신청%'`,
    value: 2.91,
    tolerance: 0.01,
    unit: 'ratio',
  },
  {
    template: 'tax-risk-scorecard.pipeline.json',
    outputs: ['ranked'],
    label: { ko: 'E 등급(위험 가장 높음) 수입자 수', en: 'Importers graded E (highest risk)' },
    sql: `SELECT count(*) AS value FROM ranked WHERE grade = 'E'`,
    value: 16,
    tolerance: 0,
    unit: 'count',
  },
  {
    template: 'trade-finance-gap.pipeline.json',
    outputs: ['ranked'],
    label: {
      ko: '이상 송금을 심어 둔 업체 중 목록에 오른 비율',
      en: 'Companies with planted payment schemes that are listed',
    },
    sql: `
      WITH planted AS (SELECT DISTINCT company_id FROM read_csv('{{data}}/fx_transactions.csv') WHERE planted_anomaly IS NOT NULL)
      SELECT count(DISTINCT importer) FILTER (WHERE importer IN (SELECT company_id FROM planted))
             / (SELECT count(*) FROM planted) AS value FROM ranked`,
    value: 5 / 6,
    tolerance: 0,
    unit: 'share',
  },
  {
    template: 'traveller-links.pipeline.json',
    outputs: ['evaluation'],
    label: { ko: '심어 둔 조직·보따리상 여행자에 대한 AUC', en: 'AUC against the planted rings and couriers' },
    sql: `SELECT auc AS value FROM evaluation WHERE part = 'metrics' AND k = 1`,
    value: 0.629,
    tolerance: 0.001,
    unit: 'ratio',
  },
  {
    template: 'under-valued-imports.pipeline.json',
    outputs: ['ranked'],
    label: { ko: 'HS6 중앙 단가의 절반 미만으로 신고된 건수', en: 'Declarations below half their HS6 median price' },
    sql: 'SELECT count(*) AS value FROM ranked',
    value: 526,
    tolerance: 0,
    unit: 'count',
  },
  {
    template: 'vessel-arrivals.pipeline.json',
    outputs: ['calls'],
    label: { ko: '입항 신고가 없는 기항 수', en: 'Port calls with no arrival report' },
    sql: `SELECT count(*) AS value FROM calls WHERE event = '기항' AND reported_arrival IS NULL`,
    value: 6,
    tolerance: 0,
    unit: 'count',
  },
  {
    template: 'xray-detect.pipeline.json',
    outputs: ['quality'],
    label: { ko: '예제 영상 24장의 mAP (IoU 0.5)', en: 'mAP@0.5 on the 24 sample images' },
    sql: `SELECT ap AS value FROM quality WHERE class = 'mAP'`,
    value: 0.788,
    tolerance: 0.001,
    unit: 'share',
  },
];

/** The README's table of headline figures, as it must read. */
export function headlineTable(): string {
  const show = (h: Headline) =>
    h.unit === 'count'
      ? h.value.toLocaleString('en-US')
      : h.unit === 'share'
        ? `${(h.value * 100).toFixed(1)} %`
        : h.value.toFixed(2);
  const rows = HEADLINES.map((h) => {
    const outs = h.outputs.map((o) => `--out ${o}=${o}.csv`).join(' ');
    const params = Object.entries(h.params ?? {})
      .map(([k, v]) => ` --param ${k}=${v}`)
      .join('');
    return `| \`${h.template.replace('.pipeline.json', '')}\` | ${h.label.ko} · ${h.label.en} | ${show(h)} | \`${outs}${params}\` |`;
  });
  return [
    '| 템플릿 · template | 헤드라인 · headline | 값 · value | 명령 끝 · command ends with |',
    '|---|---|---:|---|',
    ...rows,
  ].join('\n');
}
