import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import { useStudio } from '../../app/useStudio.ts';
import { issueText } from '../../node-view/issue-text.ts';
import { useForm } from '../useForm.ts';
import { forgetCompletions, setCompletions, suggestionsFor } from './completion.ts';
import { errorRange } from './error-range.ts';
import { monaco } from './monaco-setup.ts';

type Ed = Parameters<OnMount>[0];

interface Props {
  path: string;
  value: string;
  /** A whole query (taller) rather than an expression. */
  query: boolean;
}

/** Monaco for SQL params: DuckDB highlighting, completion of inputs and columns, the node's error underlined. */
export default function SqlEditor({ path, value, query }: Props) {
  const { nodeId, set, issues, columns, relations, lang } = useForm();
  const editor = useRef<Ed | null>(null);
  const run = useStudio((s) => s.nodeRuns[nodeId]);
  const messages = issues(path);
  const runError = run?.state === 'error' && (!run.param || run.param === path) ? run.message : undefined;
  const errors = runError ? [...messages, runError] : messages;
  const cols = columns('in');
  const key = `${errors.join('\n')}|${value}|${lang}`;

  useEffect(() => {
    const model = editor.current?.getModel();
    if (!model) return;
    setCompletions(model.uri.toString(), suggestionsFor(relations, cols));
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for errors + value
  useEffect(() => {
    const model = editor.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      'studio',
      errors.map((message) => ({
        ...errorRange(model.getValue(), message),
        // The explanation in the officer's language; the engine's own text stays in the panel's "원문".
        message: issueText(message, lang),
        severity: monaco.MarkerSeverity.Error,
      })),
    );
  }, [key]);

  useEffect(
    () => () => {
      const uri = editor.current?.getModel()?.uri.toString();
      if (uri) forgetCompletions(uri);
    },
    [],
  );

  return (
    <div className="sql-editor nokey" data-testid={`sql-${path}`}>
      <Editor
        height={query ? 180 : 72}
        language="duckdb"
        value={value}
        theme="vs"
        options={{
          minimap: { enabled: false },
          lineNumbers: query ? 'on' : 'off',
          scrollBeyondLastLine: false,
          fontSize: 13,
          wordWrap: 'on',
          automaticLayout: true,
          fixedOverflowWidgets: true,
        }}
        onMount={(ed) => {
          editor.current = ed;
        }}
        onChange={(text) => set(path, text === '' ? undefined : text)}
      />
    </div>
  );
}
