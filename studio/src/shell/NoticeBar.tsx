import { useEffect, useState } from 'react';
import { useStudio } from '../app/useStudio.ts';
import { useLang } from '../i18n/useLang.ts';
import { useT } from '../i18n/useT.ts';

/** The last refusal, error or note, for a few seconds (errors stay until closed). */
export function NoticeBar() {
  const notice = useStudio((s) => s.notice);
  const [lang] = useLang();
  const t = useT();
  const [hidden, setHidden] = useState<number | undefined>();
  useEffect(() => {
    if (!notice || notice.kind === 'error') return;
    const timer = setTimeout(() => setHidden(notice.at), 6000);
    return () => clearTimeout(timer);
  }, [notice]);
  if (!notice || hidden === notice.at) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>{notice.text[lang]}</span>
      <button type="button" className="link" onClick={() => setHidden(notice.at)}>
        {t('notice.close')}
      </button>
    </div>
  );
}
