import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import { useStudio } from '../app/useStudio.ts';
import { monaco } from '../forms/monaco/monaco-setup.ts';
import { useForm } from '../forms/useForm.ts';
import { errorLine } from './js-completion.ts';
import { registerJsLanguage, setJsContext } from './js-monaco.ts';

type Ed = Parameters<OnMount>[0];

interface Props {
  path: string;
  value: string;
}

registerJsLanguage();

/** Monaco for the `code.js` node: JavaScript, completion of inputs and upstream columns, the error line underlined. */
export default function CodeEditor({ path, value }: Props) {
  const { nodeId, set, issues, columns, relations } = useForm();
  const editor = useRef<Ed | null>(null);
  const run = useStudio((s) => s.nodeRuns[nodeId]);
  const messages = issues(path);
  const runError = run?.state === 'error' && (!run.param || run.param === path) ? run.message : undefined;
  const errors = runError ? [...messages, runError] : messages;
  const cols = columns('in');
  const key = `${errors.join('\n')}|${value}`;

  useEffect(() => {
    const model = editor.current?.getModel();
    if (model) setJsContext(model.uri.toString(), relations, cols);
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for errors + value
  useEffect(() => {
    const model = editor.current?.getModel();
    if (!model) return;
    const lines = model.getLineCount();
    monaco.editor.setModelMarkers(
      model,
      'studio',
      errors.map((message) => {
        const line = Math.min(errorLine(message) ?? 1, lines);
        const whole = errorLine(message) === undefined;
        return {
          startLineNumber: line,
          startColumn: 1,
          endLineNumber: whole ? lines : line,
          endColumn: model.getLineMaxColumn(whole ? lines : line),
          message,
          severity: monaco.MarkerSeverity.Error,
        };
      }),
    );
  }, [key]);

  useEffect(
    () => () => {
      const uri = editor.current?.getModel()?.uri.toString();
      if (uri) setJsContext(uri, [], []);
    },
    [],
  );

  return (
    <div className="sql-editor nokey" data-testid={`code-${path}`}>
      <Editor
        height={220}
        language="studio-js"
        value={value}
        theme="vs"
        options={{
          minimap: { enabled: false },
          lineNumbers: 'on',
          scrollBeyondLastLine: false,
          fontSize: 13,
          tabSize: 2,
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
