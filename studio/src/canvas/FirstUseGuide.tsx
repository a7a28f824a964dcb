import { Panel } from '@xyflow/react';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useServices } from '../app/useServices.ts';
import { useStudio } from '../app/useStudio.ts';
import { useT } from '../i18n/useT.ts';
import { addSample } from '../sources/add-sources.ts';
import { loadSamples } from '../sources/samples.ts';
import { GUIDE_FILTER, GUIDE_SAMPLE, guideProgress } from './first-use-guide.ts';

const CLOSED_KEY = 'customs-studio.guide-closed';

function closedBefore(): boolean {
  try {
    return globalThis.localStorage?.getItem(CLOSED_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * The first-use guide over the canvas: load the sample → add a step → see the results, each a button that does
 * it. Over an empty canvas (`over`, centred); once there is something, a slim row above the canvas (`strip`)
 * until the officer has seen a result through it or closed it (remembered).
 */
export function FirstUseGuide({ place }: { place: 'over' | 'strip' }) {
  const services = useServices();
  const { store } = services;
  const t = useT();
  const [closed, setClosed] = useState(closedBefore);
  const empty = useStudio((s) => s.doc.nodes.length === 0);
  const progress = useStudio(useShallow((s) => guideProgress(s.doc)));
  if (closed && !empty) return null;
  if ((place === 'over') !== empty) return null;

  const close = () => {
    try {
      globalThis.localStorage?.setItem(CLOSED_KEY, '1');
    } catch {
      // storage unavailable: closed for this page only
    }
    setClosed(true);
  };
  const loadSample = () =>
    void loadSamples()
      .catch(() => [])
      .then((list) =>
        addSample(services, list.find((x) => x.name === GUIDE_SAMPLE) ?? { name: GUIDE_SAMPLE, size: 0 }),
      );
  const addStep = () => {
    const s = store.getState();
    if (!progress.source) return;
    const source = s.doc.nodes.find((n) => n.id === progress.source);
    const onSample = source?.label === GUIDE_SAMPLE || String(source?.params.path ?? '').endsWith(GUIDE_SAMPLE);
    const r = s.dispatch('add-node', {
      type: 'prep.filter',
      ...(onSample ? { params: GUIDE_FILTER, label: '1억 원 이상' } : {}),
      after: { source: progress.source },
    });
    if (r.ok) {
      s.select([r.result]);
      s.inspect(r.result);
    }
  };
  const showResult = () => {
    const s = store.getState();
    if (!progress.step) return;
    s.select([progress.step]);
    s.inspect(progress.step);
    document.querySelector('[data-testid="results-pane"]')?.scrollIntoView({ block: 'nearest' });
    close(); // the three steps are done: the guide has said what it had to say
  };
  const steps = [
    { key: 'step1', done: !!progress.source, enabled: true, run: loadSample },
    { key: 'step2', done: !!progress.step, enabled: !!progress.source, run: addStep },
    { key: 'step3', done: false, enabled: !!progress.step, run: showResult },
  ] as const;
  if (!empty) {
    // Something is on the canvas: one slim row above it (never over a card), the explanations in tooltips.
    return (
      <div className="guide guide-compact" data-testid="first-use-guide">
        <ol aria-label={t('guide.title')}>
          {steps.map((step, i) => (
            <li key={step.key} className={step.done ? 'guide-done' : ''}>
              <button
                type="button"
                className={step.enabled && !step.done ? 'primary' : ''}
                disabled={!step.enabled}
                onClick={step.run}
                title={t(`guide.${step.key}Help`)}
                data-testid={`guide-${step.key}`}
              >
                <span className="guide-num" aria-hidden="true">
                  {step.done ? '✓' : i + 1}
                </span>
                {t(`guide.${step.key}`)}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="guide-close"
          onClick={close}
          aria-label={t('guide.close')}
          title={t('guide.close')}
        >
          ×
        </button>
      </div>
    );
  }
  return (
    <Panel position="top-center" className="guide guide-empty" data-testid="first-use-guide">
      <h2>{t('guide.title')}</h2>
      <ol>
        {steps.map((step, i) => (
          <li key={step.key}>
            <button
              type="button"
              className={step.enabled ? 'primary' : ''}
              disabled={!step.enabled}
              onClick={step.run}
              data-testid={`guide-${step.key}`}
            >
              <span className="guide-num" aria-hidden="true">
                {i + 1}
              </span>
              {t(`guide.${step.key}`)}
            </button>
            <span className="guide-help">{t(`guide.${step.key}Help`)}</span>
          </li>
        ))}
      </ol>
    </Panel>
  );
}
