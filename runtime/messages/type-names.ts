import type { Label } from '../nodes/param-meta.ts';

/** DuckDB type families in the officer's words; the exact DuckDB name goes in a tooltip. */
const FAMILIES: [RegExp, Label][] = [
  [
    /^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|INT\d+)$/,
    { ko: '정수', en: 'Integer' },
  ],
  [/^(DOUBLE|FLOAT|REAL|DECIMAL(\(.*\))?|NUMERIC(\(.*\))?)$/, { ko: '실수', en: 'Decimal number' }],
  [/^(VARCHAR|TEXT|STRING|CHAR|BPCHAR)(\(.*\))?$/, { ko: '문자', en: 'Text' }],
  [/^DATE$/, { ko: '날짜', en: 'Date' }],
  [/^TIMESTAMP( WITH TIME ZONE)?(_S|_MS|_NS|TZ)?$/, { ko: '날짜·시각', en: 'Date and time' }],
  [/^TIME( WITH TIME ZONE)?$|^TIMETZ$/, { ko: '시각', en: 'Time' }],
  [/^INTERVAL$/, { ko: '기간', en: 'Interval' }],
  [/^(BOOLEAN|BOOL)$/, { ko: '참/거짓', en: 'True/false' }],
  [/^(BLOB|BYTEA)$/, { ko: '이진 데이터', en: 'Binary' }],
  [/^UUID$/, { ko: '고유 식별자(UUID)', en: 'UUID' }],
  [/\[\]$|^LIST|^ARRAY/, { ko: '목록', en: 'List' }],
  [/^STRUCT/, { ko: '묶음(구조체)', en: 'Record (struct)' }],
  [/^MAP/, { ko: '사전(맵)', en: 'Map' }],
  [/^NULL$|^"NULL"$/, { ko: '값 없음', en: 'No value' }],
];

/** A DuckDB type name (`HUGEINT`, `DECIMAL(18,3)`, `VARCHAR[]`) in words; unknown types keep their name. */
export function typeLabel(duckdbType: string): Label {
  const t = duckdbType.trim().toUpperCase();
  for (const [re, label] of FAMILIES) if (re.test(t)) return label;
  return { ko: duckdbType, en: duckdbType };
}
