import type { Label } from '../../../runtime/nodes/param-meta.ts';

/** The panel's texts (kept here: the panel is the only reader). */
export const L = {
  title: { ko: '묶음 검토', en: 'Review clusters' },
  help: {
    ko: '묶음마다 대표값을 확정하거나 고치거나 제외하세요. 확정한 내용은 “확정한 바꾸기 목록”에 저장되어 새 데이터에도 적용됩니다.',
    en: 'Accept, edit or reject the canonical value of each cluster. Accepted choices are stored in “Accepted replacements” and replay on new data.',
  },
  waiting: { ko: '입력 값을 묶는 중…', en: 'Clustering the input values…' },
  noInput: {
    ko: '입력을 연결하고 정리할 열을 고르면 묶음이 나타납니다.',
    en: 'Connect an input and choose the column to see its clusters.',
  },
  none: { ko: '이 방법으로 묶이는 값이 없습니다.', en: 'No values cluster with this method.' },
  summary: { ko: '묶음 {clusters}개 · 값 {values}개', en: '{clusters} clusters · {values} values' },
  more: { ko: '… 외 {n}개 묶음', en: '… and {n} more clusters' },
  rows: { ko: '{n}행', en: '{n} rows' },
  canonical: { ko: '대표값', en: 'Canonical value' },
  accept: { ko: '확정', en: 'Accept' },
  reject: { ko: '제외', en: 'Reject' },
  accepted: { ko: '확정됨', en: 'Accepted' },
  rejected: { ko: '제외됨', en: 'Rejected' },
  reopen: { ko: '다시 검토', en: 'Review again' },
  useValue: { ko: '이 값을 대표값으로', en: 'Use as canonical value' },
} satisfies Record<string, Label>;
