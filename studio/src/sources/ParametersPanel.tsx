import { useServices } from '../app/useServices.ts';
import { useStudio } from '../app/useStudio.ts';
import { useLang } from '../i18n/useLang.ts';
import { ParamInputs } from '../library/ParamInputs.tsx';
import { checkParams, initialValues } from '../library/param-values.ts';

const TITLE = { ko: '매개변수', en: 'Parameters' } as const;
const HINT = {
  ko: '단계 설정의 {{이름}} 자리에 들어가는 값입니다. 예약 실행에서는 다른 값을 줄 수 있습니다.',
  en: 'The values that fill {{name}} in the steps’ settings. A schedule can give other values.',
} as const;

/**
 * The pipeline's declared parameters as a form (label, typed input): the values the studio runs with, so
 * the officer changes `{{min_value_krw}}` here instead of in raw text. Hidden when none are declared.
 */
export function ParametersPanel() {
  const { store } = useServices();
  const [lang] = useLang();
  const declared = useStudio((s) => s.doc.parameters);
  if (declared.length === 0) return null;
  const values = initialValues(declared);
  return (
    <section className="parameters-panel" data-testid="parameters-panel">
      <h3>{TITLE[lang]}</h3>
      <p className="muted small">{HINT[lang]}</p>
      <ParamInputs
        declared={declared}
        values={values}
        errors={checkParams(declared, values, lang)}
        onChange={(name, value) =>
          store.getState().dispatch('set-parameter', { name, value }, { squash: `typing:parameter:${name}` })
        }
      />
    </section>
  );
}
