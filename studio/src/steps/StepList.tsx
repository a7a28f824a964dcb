import { useStudio } from '../app/useStudio.ts';
import { useT } from '../i18n/useT.ts';
import { AddStep } from './AddStep.tsx';
import { StepRow } from './StepRow.tsx';
import './steps.css';

/**
 * The pipeline's nodes as a list in document order: a stand-in for the canvas, which replaces this view and
 * keeps the same store, actions and node states.
 */
export function StepList() {
  const t = useT();
  const ids = useStudio((s) => s.doc.nodes.map((n) => n.id).join('\n'));
  const list = ids ? ids.split('\n') : [];
  return (
    <div className="steps">
      <div className="steps-head">
        <h2>{t('nodes.title')}</h2>
        <span className="muted small">{t('nodes.canvasSoon')}</span>
      </div>
      {list.length === 0 ? (
        <p className="empty">{t('nodes.empty')}</p>
      ) : (
        <ol className="step-list" data-testid="step-list">
          {list.map((id) => (
            <StepRow key={id} id={id} />
          ))}
        </ol>
      )}
      <AddStep />
    </div>
  );
}
