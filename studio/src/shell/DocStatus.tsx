import { useStudio } from '../app/useStudio.ts';
import { useDocT } from '../library/doc-text.ts';
import { useServerDoc } from '../library/useServerDoc.ts';
import './doc-status.css';

/**
 * Which server pipeline (its name in the tooltip, and beside the version once the title is changed) the editor edits and whether the edits are saved: `v4 · 저장됨`, or `새 문서 · 저장 안 됨`
 * for a document that is not on the server yet (its first save creates a new pipeline).
 */
export function DocStatus() {
  const t = useDocT();
  const { pipelineId, baseVersion, name, dirty } = useServerDoc();
  const docName = useStudio((s) => s.doc.name);
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
          {/* The server's name, when the title field beside it no longer says the same. */}
          {name && name !== docName && <span className="doc-status-name">{name}</span>}
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
