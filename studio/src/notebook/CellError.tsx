import { useEffect, useState } from 'react';
import { useStudio } from '../app/useStudio.ts';
import { useT } from '../i18n/useT.ts';
import { ErrorText } from '../node-view/ErrorText.tsx';
import { faultSelector } from './field-at-fault.ts';

/**
 * A failed or blocked cell's error above its form, naming the setting at fault; that setting is outlined in
 * the form (the field itself, a rule row, or else the nearest field on the param's path).
 */
export function CellError({ id, cell }: { id: string; cell: HTMLElement | null }) {
  const t = useT();
  const run = useStudio((s) => s.nodeRuns[id]);
  const failing = run && (run.state === 'error' || run.state === 'invalid') && run.message ? run : undefined;
  const param = failing?.param;
  const [target, setTarget] = useState<{ selector: string; label: string | undefined }>();
  useEffect(() => {
    const selector = cell && param ? faultSelector(param, (q) => cell.querySelector(q) !== null) : undefined;
    // The field's own caption (in the officer's language) names the setting better than its path.
    const label = selector ? cell?.querySelector(selector)?.closest('.field')?.querySelector('.field-label') : null;
    setTarget(selector ? { selector, label: label?.textContent ?? undefined } : undefined);
  }, [cell, param]);
  if (!failing) return null;
  const scope = `.cell[data-node-id="${CSS.escape(id)}"]`;
  return (
    <div className="cell-error" role="alert" data-testid={`cell-error-${id}`}>
      {target && <style>{`${scope} ${target.selector} { outline: 2px solid var(--bad); outline-offset: 2px; }`}</style>}
      {param && (
        <strong className="cell-error-param" title={param}>
          {t('notebook.failedAt', { param: target?.label ?? param })}
        </strong>
      )}
      <ErrorText id={id} item={failing} />
    </div>
  );
}
