import { useEffect, useState } from 'react';
import { useServices } from '../app/useServices.ts';
import { formatNumber } from '../i18n/translate.ts';
import { useLang } from '../i18n/useLang.ts';
import { useT } from '../i18n/useT.ts';
import { addSample } from './add-sources.ts';
import { loadSamples, type Sample } from './samples.ts';

/** The shipped sample data sets (`/samples/`), one click each to add as a source. */
export function SampleList() {
  const services = useServices();
  const t = useT();
  const [lang] = useLang();
  const [samples, setSamples] = useState<Sample[] | 'failed' | undefined>();
  useEffect(() => {
    loadSamples().then(setSamples, () => setSamples('failed'));
  }, []);
  return (
    <div className="samples">
      <h3>{t('sources.samples')}</h3>
      {samples === 'failed' && <p className="muted small">{t('sources.samplesNone')}</p>}
      {Array.isArray(samples) && (
        <ul>
          {samples.map((s) => (
            <li key={s.name}>
              <button type="button" className="link" onClick={() => addSample(services, s)}>
                {s.name}
              </button>
              <span className="muted small"> {formatNumber(Math.ceil(s.size / 1024), lang)} KB</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
