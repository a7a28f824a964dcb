import type { Label } from '../../../runtime/nodes/param-meta.ts';

/** The X-ray result view's texts (kept here: the view is the only reader). */
export const L = {
  title: { ko: '탐지 영상 보기', en: 'Detections on the images' },
  loading: { ko: '영상을 읽는 중…', en: 'Reading the images…' },
  failed: { ko: '영상을 그리지 못했습니다: {message}', en: 'Could not draw the images: {message}' },
  classes: { ko: '품목', en: 'Classes' },
  minScore: { ko: '최소 신뢰도 {score}', en: 'Minimum score {score}' },
  alarmOnly: { ko: '경보 영상만', en: 'Alarmed images only' },
  summary: {
    ko: '영상 {shown}/{images}장 · 상자 {boxes}개',
    en: '{shown} of {images} images · {boxes} boxes',
  },
  none: { ko: '조건에 맞는 영상이 없습니다', en: 'No image matches the filters' },
  alarm: { ko: '경보', en: 'Alarm' },
  clear: { ko: '이상 없음', en: 'Clear' },
} satisfies Record<string, Label>;
