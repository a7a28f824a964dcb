import { isNumericType, isTextType } from '../../../runtime/engine/normalize.ts';
import type { ColumnFacts } from './facts-sql.ts';

type Label = { ko: string; en: string };

/** A next step the studio offers: the node to insert after the inspected one, and why. */
export interface Suggestion {
  /** Stable within one list (e.g. `split:/`), for keys and tests. */
  id: string;
  label: Label;
  /** Why it is offered (counts from the data). */
  reason: Label;
  type: string;
  params: Record<string, unknown>;
  /** Higher first; 0…~1.5. */
  score: number;
}

/** A cluster of values as `findClusters` returns it (only what the suggestion needs). */
export interface ClusterLike {
  values: { value: string; count: number }[];
  suggested: string;
}

export interface SuggestInput {
  facts?: ColumnFacts;
  /** Rows repeating an earlier row (all columns). */
  duplicateRows?: number;
  clusters?: ClusterLike[];
  /** The cluster method that found `clusters`. */
  clusterMethod?: string;
  /** Values the officer picked in the grid. */
  values?: string[];
  rows?: number;
}

/** Shares that make a suggestion worth showing. */
export const MIN_DATE_SHARE = 0.8;
export const MIN_NUMBER_SHARE = 0.8;
export const MIN_SPLIT_SHARE = 0.6;

const n = (x: number) => x.toLocaleString('en-US');
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Ranked next steps for a selected column (and values), from cheap counts; at most `limit`. */
export function rankSuggestions(input: SuggestInput, limit = 5): Suggestion[] {
  const out: Suggestion[] = [];
  const f = input.facts;
  if (f) out.push(...columnSuggestions(f, input));
  if (input.duplicateRows && input.duplicateRows > 0) {
    const d = input.duplicateRows;
    const rows = input.rows ?? f?.rows ?? d;
    out.push({
      id: 'dedupe',
      label: { ko: `중복 ${n(d)}행 제거`, en: `Remove ${n(d)} duplicate row${d === 1 ? '' : 's'}` },
      reason: {
        ko: `전체 ${n(rows)}행 중 ${pct(d / rows)}가 완전히 같은 행`,
        en: `${pct(d / rows)} of ${n(rows)} rows repeat another exactly`,
      },
      type: 'prep.dedupe',
      params: { keep: 'first' },
      score: 0.6 + Math.min(0.4, d / rows),
    });
  }
  if (f && input.values?.length) {
    const values = input.values;
    const shown = values.length === 1 ? `‘${values[0]}’` : `${values.length}`;
    out.push(
      {
        id: 'keep-values',
        label: { ko: `${shown} 값만 남기기`, en: `Keep only ${shown}` },
        reason: { ko: '선택한 값', en: 'The values you selected' },
        type: 'prep.filter',
        params: { rules: [{ column: f.column, op: 'in', value: values }], combine: 'and' },
        score: 0.35,
      },
      {
        id: 'drop-values',
        label: { ko: `${shown} 값 제외`, en: `Exclude ${shown}` },
        reason: { ko: '선택한 값', en: 'The values you selected' },
        type: 'prep.filter',
        params: { rules: [{ column: f.column, op: 'not_in', value: values }], combine: 'and' },
        score: 0.3,
      },
    );
  }
  return out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
}

function columnSuggestions(f: ColumnFacts, input: SuggestInput): Suggestion[] {
  const out: Suggestion[] = [];
  const column = f.column;
  const present = Math.max(0, f.rows - f.missing);
  const text = isTextType(f.type);
  const dateShare = present ? f.dates / present : 0;
  const numberShare = present ? f.numeric / present : 0;
  if (text && present > 0 && dateShare >= MIN_DATE_SHARE) {
    out.push({
      id: 'parse-date',
      label: { ko: '날짜로 변환', en: 'Parse as date' },
      reason: { ko: `값의 ${pct(dateShare)}가 날짜 형식`, en: `${pct(dateShare)} of values look like dates` },
      type: 'prep.parse_date',
      params: { column, mode: 'auto' },
      score: 0.7 + 0.3 * dateShare,
    });
  }
  // Codes with leading zeros (HS codes, postcodes) stay text.
  if (text && present > 0 && dateShare < MIN_DATE_SHARE && numberShare >= MIN_NUMBER_SHARE && f.leadingZero === 0) {
    const to = f.integers === f.numeric ? 'BIGINT' : 'DOUBLE';
    out.push({
      id: 'to-number',
      label: { ko: '숫자로 변환', en: 'Convert to number' },
      reason: { ko: `값의 ${pct(numberShare)}가 숫자`, en: `${pct(numberShare)} of values are numbers` },
      // Thousands commas need infer_types' parser; plain numbers cast.
      type: f.commas > 0 ? 'prep.infer_types' : 'prep.cast',
      params: { columns: { [column]: to } },
      score: 0.7 + 0.3 * numberShare,
    });
  }
  if (text && present > 0 && dateShare < MIN_DATE_SHARE && numberShare < MIN_NUMBER_SHARE) {
    const best = [...f.delimiters]
      .filter((d) => d.values / present >= MIN_SPLIT_SHARE && d.maxParts >= 2)
      .sort((a, b) => b.values - a.values)[0];
    if (best) {
      const share = best.values / present;
      const d = best.delimiter;
      out.push({
        id: `split:${d}`,
        label: { ko: `‘${d}’로 나누기`, en: `Split by ‘${d}’` },
        reason: { ko: `값의 ${pct(share)}에 ‘${d}’가 있음`, en: `${pct(share)} of values contain ‘${d}’` },
        type: 'prep.split_column',
        params: { column, by: 'delimiter', delimiter: d, into: 'columns', count: Math.min(best.maxParts, 10) },
        score: 0.5 + 0.4 * share,
      });
    }
  }
  const clusters = input.clusters?.filter((c) => c.values.length > 1) ?? [];
  if (clusters.length > 0) {
    const mapping = clusters.flatMap((c) =>
      c.values.filter((v) => v.value !== c.suggested).map((v) => ({ from: v.value, to: c.suggested })),
    );
    const rowsAffected = clusters.reduce(
      (a, c) => a + c.values.filter((v) => v.value !== c.suggested).reduce((s, v) => s + v.count, 0),
      0,
    );
    out.push({
      id: 'cluster',
      label: { ko: `비슷한 값 묶기 (${n(clusters.length)}묶음)`, en: `Cluster similar values (${n(clusters.length)})` },
      reason: {
        ko: `${n(mapping.length)}개 표기를 대표값으로, ${n(rowsAffected)}행 변경`,
        en: `${n(mapping.length)} spellings to their canonical value, ${n(rowsAffected)} rows change`,
      },
      type: 'prep.cluster_edit',
      params: { column, method: input.clusterMethod ?? 'fingerprint', mapping },
      score: 0.6 + Math.min(0.35, f.rows ? rowsAffected / f.rows : 0),
    });
  }
  if (text && f.spaces > 0) {
    out.push({
      id: 'trim',
      label: { ko: '공백 정리', en: 'Trim spaces' },
      reason: {
        ko: `${n(f.spaces)}개 값에 앞뒤·연속 공백`,
        en: `${n(f.spaces)} values have leading, trailing or doubled spaces`,
      },
      type: 'prep.text_normalize',
      params: { columns: { [column]: ['trim', 'collapse_spaces'] } },
      score: 0.45 + Math.min(0.4, f.rows ? f.spaces / f.rows : 0),
    });
  }
  if (f.nulls > 0) {
    const strategy = isNumericType(f.type) ? 'median' : 'mode';
    out.push({
      id: 'fill',
      label: { ko: `빈 값 채우기 (${n(f.nulls)}행)`, en: `Fill ${n(f.nulls)} empty value${f.nulls === 1 ? '' : 's'}` },
      reason: {
        ko: `${strategy === 'median' ? '중앙값' : '최빈값'}으로 채움`,
        en: `with the ${strategy}`,
      },
      type: 'prep.fill',
      params: { columns: { [column]: { strategy } } },
      score: 0.3 + Math.min(0.4, f.rows ? f.nulls / f.rows : 0),
    });
  }
  return out;
}
