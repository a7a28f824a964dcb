import { useState } from 'react';
import { explainEngineError, isEngineError } from '../../../runtime/messages/duckdb.ts';
import type { Message } from '../../../runtime/messages/render.ts';
import { msg, renderMessage } from '../../../runtime/messages/render.ts';
import { useStudio } from '../app/useStudio.ts';
import { useLang } from '../i18n/useLang.ts';
import { useT } from '../i18n/useT.ts';
import './node-view.css';
import { messageText } from './issue-text.ts';

/** The officer's own text of a node, where an engine error can point (the SQL node's query). */
function userTextOf(params: unknown): string | undefined {
  const q = (params as { query?: unknown } | undefined)?.query;
  return typeof q === 'string' ? q : undefined;
}

/**
 * A node's error in the officer's words. A DuckDB error is explained (unknown column with close names, type
 * mismatch, syntax near a token…), placed at the line and column of the officer's own SQL, and its original
 * text is one click away ("원문").
 */
export function ErrorText({ id, item }: { id: string; item: { message?: string; msg?: Message } }) {
  const [lang] = useLang();
  const t = useT();
  const [open, setOpen] = useState(false);
  const params = useStudio((s) => s.doc.nodes.find((n) => n.id === id)?.params);
  const columns = useStudio((s) => s.analysis.inputSchemas[id]?.in?.find((c) => c !== undefined));
  const raw = item.message ?? '';
  if (item.msg || !isEngineError(raw)) return <span className="error-text">{messageText(item, lang)}</span>;
  const explained = explainEngineError(raw, { userText: userTextOf(params), columns: columns?.map((c) => c.name) });
  return (
    <span className="error-text">
      {explained.at && (
        <strong className="error-at" data-testid={`error-at-${id}`}>
          {renderMessage(msg('sql.at', { line: explained.at.line, column: explained.at.column }), lang)}:{' '}
        </strong>
      )}
      {renderMessage(explained.message, lang)}{' '}
      <button type="button" className="error-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('error.hideOriginal') : t('error.showOriginal')}
      </button>
      {open && <pre className="error-original">{explained.original}</pre>}
    </span>
  );
}
