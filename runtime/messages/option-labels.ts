import type { Label } from '../nodes/param-meta.ts';

/**
 * Korean and English names of the choices inside node settings (the values of `z.enum`s and literal unions).
 * A value means the same thing in most nodes (`sum` is 합계 everywhere), so labels are kept by value; where a
 * value means something else in one setting (`left` as a join vs. as the closed side of a bin) the entry under
 * `node type › setting path` wins, and a params schema's own `.meta({ options })` wins over both.
 */
const BY_VALUE: Record<string, Label> = {
  // formats and encodings
  csv: { ko: 'CSV', en: 'CSV' },
  parquet: { ko: 'Parquet(파케이)', en: 'Parquet' },
  json: { ko: 'JSON(제이슨)', en: 'JSON' },
  xlsx: { ko: '엑셀(XLSX)', en: 'Excel (XLSX)' },
  auto: { ko: '자동', en: 'Automatic' },
  'utf-8': { ko: 'UTF-8(유니코드)', en: 'UTF-8' },
  'euc-kr': { ko: 'EUC-KR(완성형)', en: 'EUC-KR' },
  cp949: { ko: 'CP949(확장 완성형)', en: 'CP949' },
  // comparisons
  '=': { ko: '같음 (=)', en: 'equals (=)' },
  '!=': { ko: '같지 않음 (≠)', en: 'not equal (≠)' },
  '<': { ko: '보다 작음 (<)', en: 'less than (<)' },
  '<=': { ko: '이하 (≤)', en: 'at most (≤)' },
  '>': { ko: '보다 큼 (>)', en: 'greater than (>)' },
  '>=': { ko: '이상 (≥)', en: 'at least (≥)' },
  in: { ko: '목록에 있음', en: 'is one of' },
  not_in: { ko: '목록에 없음', en: 'is not one of' },
  contains: { ko: '포함', en: 'contains' },
  starts_with: { ko: '~로 시작', en: 'starts with' },
  is_null: { ko: '비어 있음', en: 'is empty' },
  not_null: { ko: '비어 있지 않음', en: 'is not empty' },
  and: { ko: '모두 만족 (그리고)', en: 'all (and)' },
  or: { ko: '하나라도 만족 (또는)', en: 'any (or)' },
  // errors
  null: { ko: '빈 값(NULL)으로', en: 'empty (NULL)' },
  fail: { ko: '실행 중단', en: 'stop the run' },
  // aggregates
  count: { ko: '개수', en: 'Count' },
  count_distinct: { ko: '고유 개수', en: 'Distinct count' },
  sum: { ko: '합계', en: 'Sum' },
  avg: { ko: '평균', en: 'Average' },
  mean: { ko: '평균', en: 'Mean' },
  min: { ko: '최솟값', en: 'Minimum' },
  max: { ko: '최댓값', en: 'Maximum' },
  median: { ko: '중앙값', en: 'Median' },
  stddev: { ko: '표준편차', en: 'Standard deviation' },
  quantile: { ko: '분위수', en: 'Quantile' },
  first: { ko: '첫 번째', en: 'First' },
  last: { ko: '마지막', en: 'Last' },
  all: { ko: '모두', en: 'All' },
  // joins
  inner: { ko: '양쪽에 다 있는 행만 (내부 조인)', en: 'Matching rows only (inner)' },
  left: { ko: '왼쪽 기준 (왼쪽 조인)', en: 'Keep all left rows (left)' },
  right: { ko: '오른쪽 기준 (오른쪽 조인)', en: 'Keep all right rows (right)' },
  full: { ko: '양쪽 모두 (전체 조인)', en: 'Keep all rows (full)' },
  semi: { ko: '짝이 있는 왼쪽 행만 (세미 조인)', en: 'Left rows with a match (semi)' },
  anti: { ko: '짝이 없는 왼쪽 행만 (안티 조인)', en: 'Left rows without a match (anti)' },
  // fuzzy matching and clustering
  jaro_winkler: { ko: '자로-윙클러 유사도', en: 'Jaro–Winkler similarity' },
  levenshtein: { ko: '편집 거리(레벤슈타인)', en: 'Edit distance (Levenshtein)' },
  jaccard: { ko: '자카드 유사도', en: 'Jaccard similarity' },
  exact: { ko: '정확히 일치', en: 'Exact match' },
  none: { ko: '없음', en: 'None' },
  basic: { ko: '기본 (공백·대소문자 정리)', en: 'Basic (spaces, case)' },
  company: { ko: '회사명 (㈜·주식회사 등 제거)', en: 'Company names (drop Co., Ltd., ㈜)' },
  first_char: { ko: '첫 글자가 같은 것끼리', en: 'Same first character' },
  fingerprint: { ko: '지문 (단어 순서·기호 무시)', en: 'Fingerprint (ignore word order, symbols)' },
  ngram: { ko: 'N-그램 지문', en: 'N-gram fingerprint' },
  jamo: { ko: '자모 분해', en: 'Hangul jamo' },
  chosung: { ko: '초성', en: 'Initial consonants (chosung)' },
  romanized: { ko: '로마자 표기', en: 'Romanized' },
  edit_distance: { ko: '편집 거리', en: 'Edit distance' },
  // binning and scaling
  equal_width: { ko: '같은 폭', en: 'Equal width' },
  custom: { ko: '직접 지정', en: 'Custom' },
  label: { ko: '구간 이름', en: 'Label' },
  index: { ko: '구간 번호', en: 'Index' },
  zscore: { ko: '표준화 (Z점수)', en: 'Standardize (z-score)' },
  minmax: { ko: '0~1 범위로 (최소-최대)', en: 'Min–max (0 to 1)' },
  robust: { ko: '이상치에 강한 척도 (중앙값·사분위)', en: 'Robust (median, IQR)' },
  log1p: { ko: '로그 변환 (log(1+x))', en: 'Log (log(1+x))' },
  new: { ko: '새 열로', en: 'New column' },
  replace: { ko: '원래 열을 바꿈', en: 'Replace the column' },
  // window
  row_number: { ko: '행 번호', en: 'Row number' },
  rank: { ko: '순위 (동점 건너뜀)', en: 'Rank' },
  dense_rank: { ko: '순위 (동점 연속)', en: 'Dense rank' },
  percent_rank: { ko: '백분위 순위', en: 'Percent rank' },
  cumsum: { ko: '누적 합계', en: 'Running total' },
  lag: { ko: '이전 행 값', en: 'Previous row (lag)' },
  lead: { ko: '다음 행 값', en: 'Next row (lead)' },
  moving_avg: { ko: '이동 평균', en: 'Moving average' },
  share: { ko: '비율 (합계 대비)', en: 'Share of total' },
  // sampling
  random: { ko: '무작위', en: 'Random' },
  stratified: { ko: '층화 (그룹별 비율 유지)', en: 'Stratified' },
  // validation rules
  required: { ko: '필수 값', en: 'Required' },
  range: { ko: '범위', en: 'Range' },
  regex: { ko: '정규식', en: 'Regular expression' },
  allowed: { ko: '허용 값 목록', en: 'Allowed values' },
  max_length: { ko: '최대 길이', en: 'Maximum length' },
  unique: { ko: '중복 없음', en: 'Unique' },
  hs_code: { ko: 'HS 부호', en: 'HS code' },
  country: { ko: '국가 부호', en: 'Country code' },
  currency: { ko: '통화 부호', en: 'Currency code' },
  '6': { ko: '6자리', en: '6 digits' },
  '10': { ko: '10자리', en: '10 digits' },
  '6_or_10': { ko: '6자리 또는 10자리', en: '6 or 10 digits' },
  // split / merge / text
  delimiter: { ko: '구분자로', en: 'By delimiter' },
  widths: { ko: '고정 폭으로', en: 'By fixed widths' },
  columns: { ko: '여러 열로', en: 'Into columns' },
  rows: { ko: '여러 행으로', en: 'Into rows' },
  drop: { ko: '버림', en: 'Drop' },
  skip: { ko: '건너뜀', en: 'Skip' },
  empty: { ko: '빈 문자열로', en: 'Empty text' },
  literal: { ko: '글자 그대로', en: 'Literal text' },
  trim: { ko: '앞뒤 공백 제거', en: 'Trim' },
  collapse_spaces: { ko: '연속 공백을 하나로', en: 'Collapse spaces' },
  upper: { ko: '대문자로', en: 'Upper case' },
  lower: { ko: '소문자로', en: 'Lower case' },
  title: { ko: '단어 첫 글자만 대문자', en: 'Title case' },
  fullwidth_to_halfwidth: { ko: '전각 → 반각', en: 'Full-width → half-width' },
  halfwidth_to_fullwidth: { ko: '반각 → 전각', en: 'Half-width → full-width' },
  nfc: { ko: '유니코드 정규화 (NFC)', en: 'Unicode NFC' },
  nfkc: { ko: '유니코드 호환 정규화 (NFKC)', en: 'Unicode NFKC' },
  remove_punctuation: { ko: '문장부호 제거', en: 'Remove punctuation' },
  remove_spaces: { ko: '모든 공백 제거', en: 'Remove all spaces' },
  number: { ko: '숫자', en: 'Number' },
  match: { ko: '일치한 부분', en: 'Whole match' },
  groups: { ko: '괄호 그룹별', en: 'Groups' },
  // dates
  formats: { ko: '형식 직접 지정', en: 'Given formats' },
  day_first: { ko: '일/월/연 순서', en: 'Day first' },
  month_first: { ko: '월/일/연 순서', en: 'Month first' },
  DATE: { ko: '날짜', en: 'Date' },
  TIMESTAMP: { ko: '날짜·시각', en: 'Date and time' },
  ko: { ko: '한국어 약칭 (월, 화…)', en: 'Korean short (월, 화…)' },
  ko_long: { ko: '한국어 (월요일…)', en: 'Korean long (월요일…)' },
  en: { ko: '영어 (Mon…)', en: 'English (Mon…)' },
  keep: { ko: '그대로 둠', en: 'Keep' },
  default: { ko: '기본값으로', en: 'Default value' },
  // charts
  bar: { ko: '막대', en: 'Bar' },
  grouped_bar: { ko: '묶은 막대', en: 'Grouped bar' },
  stacked_bar: { ko: '누적 막대', en: 'Stacked bar' },
  line: { ko: '선', en: 'Line' },
  area: { ko: '영역', en: 'Area' },
  scatter: { ko: '산점도', en: 'Scatter' },
  histogram: { ko: '히스토그램', en: 'Histogram' },
  boxplot: { ko: '상자 그림', en: 'Box plot' },
  heatmap: { ko: '열지도', en: 'Heat map' },
  pie: { ko: '원형', en: 'Pie' },
  donut: { ko: '도넛형', en: 'Donut' },
  map_choropleth: { ko: '지도 (국가별 색칠)', en: 'Map (shaded countries)' },
  map_points: { ko: '지도 (점)', en: 'Map (points)' },
  plain: { ko: '숫자 그대로', en: 'Plain number' },
  krw: { ko: '원화 (₩)', en: 'Won (₩)' },
  man_eok: { ko: '만·억 단위', en: 'In 만/억 units' },
  // models
  month: { ko: '월별', en: 'Monthly' },
  quarter: { ko: '분기별', en: 'Quarterly' },
  year: { ko: '연도별', en: 'Yearly' },
  gbdt: { ko: '부스팅 트리 (GBDT)', en: 'Boosted trees (GBDT)' },
  mlp: { ko: '신경망 (MLP)', en: 'Neural network (MLP)' },
  ensemble: { ko: '앙상블 (둘 다)', en: 'Ensemble (both)' },
  declarations: { ko: '신고 건별', en: 'Per declaration' },
  profiles: { ko: '군집 요약', en: 'Cluster profiles' },
};

/** Where a value means something else than its everyday name. Keys: `type › path` with `[]` for array items. */
const BY_SETTING: Record<string, Record<string, Label>> = {
  'prep.bin.closed': {
    left: { ko: '왼쪽 끝 포함 [a, b)', en: 'Closed on the left [a, b)' },
    right: { ko: '오른쪽 끝 포함 (a, b]', en: 'Closed on the right (a, b]' },
  },
  'prep.sample.method': { first: { ko: '앞에서부터', en: 'From the top' } },
  'prep.top_n.ties': {
    first: { ko: '동점이면 앞의 것만', en: 'First of the ties' },
    all: { ko: '동점은 모두 포함', en: 'Keep all ties' },
  },
  'prep.dedupe.keep': {
    first: { ko: '첫 행을 남김', en: 'Keep the first row' },
    last: { ko: '마지막 행을 남김', en: 'Keep the last row' },
  },
  'prep.split_column.rest': { last: { ko: '마지막 열에 나머지를 붙임', en: 'Put the rest in the last column' } },
  'prep.extract.numbers': {
    first: { ko: '첫 숫자만', en: 'First number' },
    all: { ko: '모든 숫자', en: 'All numbers' },
  },
  'prep.extract.output': { all: { ko: '모든 일치 (목록)', en: 'All matches (list)' } },
  'prep.extract.mode': {
    regex: { ko: '정규식으로', en: 'By regular expression' },
    number: { ko: '숫자 뽑기', en: 'Numbers' },
  },
  'prep.find_replace.occurrences': {
    all: { ko: '모두 바꿈', en: 'Replace all' },
    first: { ko: '처음 하나만', en: 'First only' },
  },
  'prep.date_parts.weekday': { number: { ko: '숫자 (1=월요일)', en: 'Number (1 = Monday)' } },
  'prep.value_map.unmapped': { null: { ko: '빈 값(NULL)으로', en: 'Empty (NULL)' } },
  'prep.validate.rules[].keep': {
    none: { ko: '중복을 모두 실패로', en: 'Flag every duplicate' },
    first: { ko: '첫 행은 통과', en: 'First one passes' },
  },
  'prep.merge_columns.nulls': { null: { ko: '결과를 빈 값(NULL)으로', en: 'Result is empty (NULL)' } },
  'model.trade_finance.period': { all: { ko: '전체 기간', en: 'Whole period' } },
  'model.trend_detect.terms': {
    words: { ko: '글의 낱말', en: 'Words of the texts' },
    dictionary: { ko: '품목명 사전', en: 'Item-name dictionary' },
  },
  'model.trend_detect.scope': {
    latest: { ko: '가장 최근 달 (일정 실행·경보)', en: 'Latest month (schedules, alerts)' },
    all: { ko: '모든 달 (과거 점검)', en: 'Every month (back-test)' },
  },
  'model.trend_detect.method': {
    ets: { ko: '지수평활 (ETS)', en: 'Exponential smoothing (ETS)' },
    seasonal_naive: { ko: '작년 같은 달 (계절 나이브)', en: 'Same month last year (seasonal naive)' },
  },
  'model.trend_detect.output': {
    issues: { ko: '떠오르는 이슈 목록', en: 'Emerging-issue list' },
    series: { ko: '월별 시계열·예측', en: 'Monthly series and forecast' },
  },
  'model.doc_similarity.output': {
    neighbours: { ko: '비슷한 문서 (문서마다 k건)', en: 'Similar documents (k per document)' },
    edges: { ko: '연결망 (유사도·공유 식별자 연결선)', en: 'Graph edges (similarity, shared identifiers)' },
    clusters: { ko: '군집과 핵심어', en: 'Clusters and keywords' },
    entities: { ko: '식별자 추출 (사업자번호·신고번호·B/L·HS)', en: 'Identifiers (business, declaration, B/L, HS)' },
    search: { ko: '검색 (찾을 글과 비슷한 문서)', en: 'Search (documents like the search text)' },
  },
};

/** `measures.0.fn` → `measures[].fn`: array indices do not change what a choice means. */
export function settingPath(path: readonly (string | number)[]): string {
  return path
    .map((p) => (typeof p === 'number' || /^\d+$/.test(String(p)) ? '[]' : String(p)))
    .join('.')
    .replace(/\.\[\]/g, '[]');
}

/** The name of one choice of a setting; `own` is the schema's `.meta({ options })`. Undefined when none is known. */
export function optionLabel(
  nodeType: string | undefined,
  path: readonly (string | number)[],
  value: string,
  own?: Record<string, Label>,
): Label | undefined {
  return (
    own?.[value] ?? (nodeType ? BY_SETTING[`${nodeType}.${settingPath(path)}`]?.[value] : undefined) ?? BY_VALUE[value]
  );
}
