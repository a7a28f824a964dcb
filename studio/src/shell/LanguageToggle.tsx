import { useLang } from '../i18n/useLang.ts';
import { useT } from '../i18n/useT.ts';

/** 한국어 ⇄ English; the choice is remembered in this browser. */
export function LanguageToggle() {
  const [lang, setLang] = useLang();
  const t = useT();
  return (
    <button
      type="button"
      className="lang-toggle"
      title={t('lang.toggleTitle')}
      data-testid="lang-toggle"
      onClick={() => setLang(lang === 'ko' ? 'en' : 'ko')}
    >
      {t('lang.toggle')}
    </button>
  );
}
