import { REQUEST_STATE_LABELS } from '../../../runtime/messages/request-labels.ts';
import { useLang } from '../i18n/useLang.ts';

/** A request's step as a coloured badge (신청, 검토/승인, … 분석완료, 반려, 취소). */
export function RequestState({ state }: { state: keyof typeof REQUEST_STATE_LABELS }) {
  const [lang] = useLang();
  return (
    <span className={`req-state req-${state}`} data-state={state}>
      {REQUEST_STATE_LABELS[state][lang]}
    </span>
  );
}
