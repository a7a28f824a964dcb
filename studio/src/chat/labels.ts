import type { Label } from '../../../runtime/nodes/param-meta.ts';

/** The chat panel's texts (kept here: these components are the only readers). */
export const L = {
  button: { ko: '상담 챗봇', en: 'Chatbot' },
  buttonTitle: {
    ko: '과거 상담·품목분류 결정례·판례에서 답을 찾습니다',
    en: 'Answers from past consultations, classification rulings and judgments',
  },
  title: { ko: '상담 챗봇', en: 'Consultation chatbot' },
  help: {
    ko: '질문과 가장 비슷한 과거 상담·결정례·판례를 찾아 출처, 날짜, 점수와 함께 보여 줍니다. 찾지 못하면 “모르겠습니다”라고 답합니다. 법적 효력이 있는 답변이 아닙니다.',
    en: 'Finds the past consultations, rulings and judgments most like the question, with source, date and score; says “I do not know” otherwise. Not legal advice.',
  },
  loading: { ko: '답변 자료를 불러오는 중…', en: 'Loading the knowledge…' },
  loaded: { ko: '답변 자료 {count}건', en: '{count} entries' },
  failed: { ko: '답변 자료를 불러오지 못했습니다: {message}', en: 'Could not load the knowledge: {message}' },
  placeholder: { ko: '예: 냉동 강낭콩은 어디에 분류되나요?', en: 'e.g. How is frozen kidney bean classified?' },
  ask: { ko: '묻기', en: 'Ask' },
  close: { ko: '닫기', en: 'Close' },
  dontKnow: {
    ko: '모르겠습니다. 비슷한 과거 상담·결정례·판례를 찾지 못했습니다. 담당 부서에 문의하세요.',
    en: 'I do not know: no similar consultation, ruling or judgment was found. Please ask the responsible office.',
  },
  score: { ko: '점수', en: 'score' },
} satisfies Record<string, Label>;
