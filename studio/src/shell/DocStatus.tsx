import { useDocT } from '../library/doc-text.ts';
import { useServerDoc } from '../library/useServerDoc.ts';
import './doc-status.css';

/**
 * Which server pipeline the editor edits and whether the edits are saved: `v4 · 저장됨`, or `새 문서 · 저장 안 됨`
 * for a document that is not on the server yet (its first save creates a new pipeline).
 */
export function DocStatus() {
  const t = useDocT();
  const { pipelineId, baseVersion, name, dirty } = useServerDoc();
  const linked = pipelineId !== null && baseVersion !== null;
  const saved = linked && !dirty;
  return (
    <span
      className={`doc-status${saved ? ' doc-status-saved' : ' doc-status-unsaved'}`}
      data-testid="doc-status"
      title={linked ? t('status.linkedTitle', { name: name ?? '', version: baseVersion }) : t('status.newTitle')}
    >
      {linked ? (
        <>
          {name && <span className="doc-status-name">{name}</span>}
          <span className="doc-status-version" data-testid="server-status">{`v${baseVersion}`}</span>
        </>
      ) : (
        <span className="doc-status-version">{t('status.new')}</span>
      )}
      <span className="doc-status-state" data-testid="doc-saved-state">
        {saved ? t('status.saved') : t('status.unsaved')}
      </span>
    </span>
  );
}
