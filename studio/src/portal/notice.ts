import { REQUEST_ACTION_LABELS, REQUEST_STATE_LABELS } from '../../../runtime/messages/request-labels.ts';
import type { Lang } from '../i18n/lang-store.ts';

/** A request notification in the reader's language: "분석의뢰 ‹제목›: 승인 (검토/승인)". */
export function requestNotice(data: Record<string, unknown>, lang: Lang): string {
  const title = typeof data.title === 'string' ? data.title : '';
  const action = REQUEST_ACTION_LABELS[data.action as keyof typeof REQUEST_ACTION_LABELS]?.[lang] ?? '';
  const state = REQUEST_STATE_LABELS[data.state as keyof typeof REQUEST_STATE_LABELS]?.[lang] ?? '';
  const head = lang === 'en' ? 'Analysis request' : '분석의뢰';
  return `${head} ‹${title}›: ${action}${state && state !== action ? ` (${state})` : ''}`;
}
