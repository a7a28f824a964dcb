/**
 * The customs data map (KCS model (10)) from column profiles, without an engine: each dataset placed in a clearance
 * stage, each column with its field-dictionary entry and join key, the stage/lineage links between them, and the
 * two headline figures — coverage and Korean search success.
 */
import {
  FIELD_COLUMNS,
  guessStage,
  JOIN_KEY_LABELS,
  type JoinKey,
  joinKeys,
  STAGE_LABELS,
  STAGES,
  type Stage,
} from './_clearance-stages.ts';

export interface ColumnProfile {
  name: string;
  type: string;
  nonNull: number;
  distinct: number;
  sample: string | null;
}

export interface DatasetProfile {
  name: string;
  rows: number;
  columns: ColumnProfile[];
}

export interface DictionaryEntry {
  /** 1-based position in the dictionary. */
  no: number;
  name: string;
  codeList: string;
}

export interface CatalogueRow {
  stage_order: number;
  stage: string;
  dataset: string;
  rows: number;
  column_name: string;
  column_type: string;
  null_percent: number;
  distinct_values: number;
  sample_value: string | null;
  field_no: number | null;
  field_name: string | null;
  code_list: string | null;
  join_key: string | null;
}

export interface LinkRow {
  source_type: string;
  source: string;
  target_type: string;
  target: string;
  weight: number;
  links: number;
  via: string;
}

export interface SummaryRow {
  measure: string;
  found: number;
  total: number;
  percent: number;
}

const HANGUL = /[\uac00-\ud7a3]/;
const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();
const stageName = (s: Stage) => `${STAGE_LABELS[s].ko} · ${STAGE_LABELS[s].en}`;
const keyName = (k: JoinKey) => JOIN_KEY_LABELS[k].ko;
const round1 = (x: number) => Math.round(x * 10) / 10;
const pct = (a: number, b: number) => (b > 0 ? round1((100 * a) / b) : 0);

/** Which dictionary entry describes a column: its name or code-list name, or (KCS dictionary) a known header. */
export function fieldMatcher(
  dictionary: DictionaryEntry[],
  kcsAliases: boolean,
): (column: string) => DictionaryEntry | null {
  const byName = new Map<string, DictionaryEntry>();
  for (const e of dictionary) {
    for (const n of [e.name, e.codeList]) if (n.trim()) byName.set(squash(n), e);
    if (kcsAliases) for (const c of FIELD_COLUMNS[e.no] ?? []) byName.set(squash(c), e);
  }
  return (column) => byName.get(squash(column)) ?? null;
}

export interface DataMap {
  catalogue: CatalogueRow[];
  links: LinkRow[];
  summary: SummaryRow[];
}

/**
 * `stages` overrides the guess from the column names, by dataset name. Search success: a column counts as found when
 * an officer searching in Korean reaches it — by its dictionary name, its join key's Korean name or a Korean header.
 */
export function buildDataMap(
  datasets: DatasetProfile[],
  dictionary: DictionaryEntry[],
  options: { stages: Record<string, Stage>; kcsAliases: boolean },
): DataMap {
  const fieldOf = fieldMatcher(dictionary, options.kcsAliases);
  const catalogue: CatalogueRow[] = [];
  const links: LinkRow[] = [];
  const stageOf = new Map<string, Stage>();
  for (const d of datasets) {
    const names = d.columns.map((c) => c.name);
    const stage = options.stages[d.name] ?? guessStage(names);
    stageOf.set(d.name, stage);
    const keyOf = new Map<string, JoinKey>();
    for (const k of joinKeys(names)) for (const c of k.columns) keyOf.set(c, k.key);
    for (const c of d.columns) {
      const field = fieldOf(c.name);
      const key = keyOf.get(c.name);
      catalogue.push({
        stage_order: STAGES.indexOf(stage) + 1,
        stage: stageName(stage),
        dataset: d.name,
        rows: d.rows,
        column_name: c.name,
        column_type: c.type,
        null_percent: pct(d.rows - c.nonNull, d.rows),
        distinct_values: c.distinct,
        sample_value: c.sample,
        field_no: field?.no ?? null,
        field_name: field?.name ?? null,
        code_list: field?.codeList || null,
        join_key: key ? keyName(key) : null,
      });
    }
    links.push({
      source_type: 'stage',
      source: stageName(stage),
      target_type: 'dataset',
      target: d.name,
      weight: 1,
      links: 1,
      via: '단계 · stage',
    });
    for (const k of joinKeys(names))
      links.push({
        source_type: 'dataset',
        source: d.name,
        target_type: 'join_key',
        target: keyName(k.key),
        weight: k.columns.length,
        links: k.columns.length,
        via: k.columns.join(', '),
      });
  }
  // The clearance flow between the stages that hold data, in process order (the reference group stands aside).
  const used = STAGES.filter((s) => s !== 'reference' && [...stageOf.values()].includes(s));
  for (let i = 1; i < used.length; i++)
    links.push({
      source_type: 'stage',
      source: stageName(used[i - 1]!),
      target_type: 'stage',
      target: stageName(used[i]!),
      weight: 1,
      links: 1,
      via: '통관 흐름 · clearance flow',
    });
  return { catalogue, links, summary: summarise(datasets, catalogue, stageOf) };
}

function summarise(datasets: DatasetProfile[], catalogue: CatalogueRow[], stageOf: Map<string, Stage>): SummaryRow[] {
  const placed = datasets.filter((d) => stageOf.get(d.name) !== 'reference').length;
  const described = catalogue.filter((r) => r.field_no !== null).length;
  const keyed = new Set(catalogue.filter((r) => r.join_key !== null).map((r) => r.dataset)).size;
  const found = catalogue.filter(
    (r) => r.field_no !== null || r.join_key !== null || HANGUL.test(r.column_name),
  ).length;
  const row = (measure: string, a: number, b: number): SummaryRow => ({
    measure,
    found: a,
    total: b,
    percent: pct(a, b),
  });
  return [
    row('단계에 배치된 자료 · Datasets placed in a clearance stage', placed, datasets.length),
    row('항목정의서로 설명된 열 · Columns described by the field dictionary', described, catalogue.length),
    row('연결 키가 있는 자료 · Datasets with a join key', keyed, datasets.length),
    row('한국어 검색으로 찾히는 열 · Columns found by a Korean search', found, catalogue.length),
  ];
}
