import type { Label } from '../../../runtime/nodes/param-meta.ts';

/** The supply-chain views' texts (kept here: the views are the only reader). */
export const L = {
  loading: { ko: '흐름을 읽는 중…', en: 'Reading the flows…' },
  failed: { ko: '흐름을 그리지 못했습니다: {message}', en: 'Could not draw the flows: {message}' },
  noFlows: {
    ko: '그릴 흐름이 없습니다. 분석 기간 시작일 이후 신고가 있는지 확인하세요.',
    en: 'There are no flows to draw. Check that there are declarations from the analysed period on.',
  },
  sankey: { ko: '공급망 흐름 (생키 도표)', en: 'Supply-chain flows (Sankey)' },
  map: { ko: '흐름 지도: 원산지 → 출발국 → 한국', en: 'Flow map: origin → departure → Korea' },
  byValue: { ko: '굵기: 신고금액', en: 'Width: declared value' },
  byCount: { ko: '굵기: 신고 건수', en: 'Width: declarations' },
  flagged: {
    ko: '빨강: FTA 신청 + 원산지≠출발국 (우회수입 의심) 비중이 큰 흐름',
    en: 'Red: mostly FTA claims shipped from another country than the origin (possible circumvention)',
  },
  viaThird: { ko: '원산지 → 다른 출발국', en: 'Origin → another departure country' },
  toKorea: { ko: '출발국 → 한국', en: 'Departure → Korea' },
  notDrawn: {
    ko: '지도에 없는 흐름(기타·좌표 없음) {share}%는 그리지 않았습니다.',
    en: '{share}% of the flow (other, or no map position) is not drawn.',
  },
  rows: { ko: '건', en: 'declarations' },
  won: { ko: '원', en: 'KRW' },
  fraud: { ko: '적발', en: 'frauds' },
  other: { ko: '기타', en: 'Other' },
  flaggedRows: { ko: '우회 의심', en: 'possible circumvention' },
  offices: { ko: '세관별 유입 (한국 지도)', en: 'Into each customs office (map of Korea)' },
  officeSize: {
    ko: '원의 크기: 세관으로 들어온 신고금액(또는 건수) · 빨간 테두리: 우회수입 의심 비중이 큰 세관',
    en: 'Circle size: what entered the office (value or declarations) · red ring: mostly possible circumvention',
  },
  officeNotDrawn: {
    ko: '위치를 모르는 세관(기타 포함) {share}%는 그리지 않았습니다.',
    en: '{share}% went to offices with no map position (or other) and is not drawn.',
  },
} satisfies Record<string, Label>;

/** Stage names over the Sankey's columns. */
export const STAGE: Record<string, Label> = {
  origin: { ko: '원산지', en: 'Origin' },
  departure: { ko: '출발국', en: 'Departure' },
  office: { ko: '세관', en: 'Customs office' },
  importer: { ko: '수입자', en: 'Importer' },
  hs: { ko: 'HS', en: 'HS' },
};
