import type { Label } from '../nodes/param-meta.ts';

/**
 * Names of the analysis-request (분석의뢰) states and steps, shared by the server's refusals and the studio's
 * pages so that both say the same word for the same step.
 */
export const REQUEST_STATE_LABELS = {
  submitted: { ko: '신청', en: 'Submitted' },
  approved: { ko: '검토/승인', en: 'Approved' },
  cooperation: { ko: '업무국 협조', en: 'Bureau cooperation' },
  in_analysis: { ko: '분석 진행', en: 'In analysis' },
  completed: { ko: '분석완료', en: 'Completed' },
  rejected: { ko: '반려', en: 'Rejected' },
  cancelled: { ko: '취소', en: 'Cancelled' },
} as const satisfies Record<string, Label>;

export const REQUEST_ACTION_LABELS = {
  submit: { ko: '신청', en: 'submit' },
  approve: { ko: '승인', en: 'approve' },
  cooperate: { ko: '업무국 협조 요청', en: 'ask the bureau to cooperate' },
  assign: { ko: '분석 담당자 지정', en: 'assign an analyst' },
  complete: { ko: '분석완료', en: 'complete' },
  reject: { ko: '반려', en: 'reject' },
  cancel: { ko: '취소', en: 'cancel' },
  comment: { ko: '의견', en: 'comment' },
} as const satisfies Record<string, Label>;

export type RequestAction = keyof typeof REQUEST_ACTION_LABELS;
