import Editor from '@monaco-editor/react';
import { useEffect, useState } from 'react';
import { exportSql } from '../../../runtime/execute/export-sql.ts';
import { useServices } from '../app/useServices.ts';
import { useStudio } from '../app/useStudio.ts';
import '../forms/monaco/monaco-setup.ts';
import { fill } from '../i18n/translate.ts';
import { useLang } from '../i18n/useLang.ts';
import { L, sqlFileName } from './labels.ts';
import './export.css';

type Script = { state: 'making' } | { state: 'ready'; sql: string } | { state: 'error'; message: string };

/** The pipeline (or the part up to `nodeId`) as one DuckDB SQL script, read-only, to copy or download. */
export default function ExportSqlDialog({ nodeId, onClose }: { nodeId?: string; onClose(): void }) {
  const [lang] = useLang();
  const { session } = useServices();
  const pipeline = useStudio((s) => s.analysis.runnable);
  const name = useStudio((s) => s.doc.name);
  const label = useStudio((s) => s.doc.nodes.find((n) => n.id === nodeId)?.label ?? nodeId ?? '');
  const [script, setScript] = useState<Script>({ state: 'making' });
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!pipeline || (nodeId && !pipeline.nodes.has(nodeId))) {
      setScript({ state: 'error', message: L.notRunnable[lang] });
      return;
    }
    let live = true;
    session()
      .then(({ engine, files }) => exportSql(engine, pipeline, files, nodeId))
      .then(
        (sql) => live && setScript({ state: 'ready', sql }),
        (e: unknown) =>
          live && setScript({ state: 'error', message: fill(L.failed[lang], { message: (e as Error).message }) }),
      );
    return () => {
      live = false;
    };
  }, [pipeline, nodeId, session, lang]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const copy = async () => {
    if (script.state !== 'ready') return;
    await navigator.clipboard.writeText(script.sql);
    setCopied(true);
  };
  const download = () => {
    if (script.state !== 'ready') return;
    const url = URL.createObjectURL(new Blob([script.sql], { type: 'application/sql;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = sqlFileName(name, nodeId);
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0); // after the click has started the download
  };
  const title = nodeId ? fill(L.titleUpTo[lang], { node: label }) : L.titleAll[lang];

  return (
    <div className="export-backdrop">
      <div className="export-dialog" role="dialog" aria-modal="true" aria-label={title} data-testid="export-sql-dialog">
        <h2>{title}</h2>
        <p className="muted small">{L.help[lang]}</p>
        {script.state === 'making' && (
          <p className="waiting">
            <span className="spinner" aria-hidden="true" /> {L.making[lang]}
          </p>
        )}
        {script.state === 'error' && <p className="error">{script.message}</p>}
        {script.state === 'ready' && (
          <div className="export-editor nokey" data-testid="export-sql-script">
            <Editor
              height="100%"
              language="duckdb"
              value={script.sql}
              theme="vs"
              options={{
                readOnly: true,
                minimap: { enabled: false },
                scrollBeyondLastLine: false,
                fontSize: 13,
                automaticLayout: true,
              }}
            />
          </div>
        )}
        <div className="export-actions">
          <button
            type="button"
            onClick={() => void copy()}
            disabled={script.state !== 'ready'}
            data-testid="export-copy"
          >
            {copied ? L.copied[lang] : L.copy[lang]}
          </button>
          <button
            type="button"
            className="primary"
            onClick={download}
            disabled={script.state !== 'ready'}
            data-testid="export-download"
          >
            {L.download[lang]}
          </button>
          <button type="button" onClick={onClose} data-testid="export-close">
            {L.close[lang]}
          </button>
        </div>
      </div>
    </div>
  );
}
