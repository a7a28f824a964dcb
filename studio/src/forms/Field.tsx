import { lazy, Suspense, useId } from 'react';
import { useT } from '../i18n/useT.ts';
import { ArrayEditor } from './ArrayEditor.tsx';
import { ColumnPicker } from './ColumnPicker.tsx';
import { ColumnsPicker } from './ColumnsPicker.tsx';
import { DatasetPicker } from './DatasetPicker.tsx';
import { FieldIdContext, SINGLE_INPUT_KINDS } from './field-id.ts';
import type { FieldSpec } from './field-spec.ts';
import { JsonField } from './JsonField.tsx';
import { ObjectFields } from './ObjectFields.tsx';
import { RecordEditor } from './RecordEditor.tsx';
import { RuleBuilder } from './RuleBuilder.tsx';
import { ScalarInput } from './ScalarInput.tsx';
import { UnionEditor } from './UnionEditor.tsx';
import { useForm } from './useForm.ts';

const SqlEditor = lazy(() => import('./monaco/SqlEditor.tsx'));
const CodeEditor = lazy(() => import('../code/CodeEditor.tsx'));

export interface FieldProps {
  spec: FieldSpec;
  path: string;
  value: unknown;
}

function Widget({ spec, path, value }: FieldProps) {
  const t = useT();
  switch (spec.kind) {
    case 'column':
      return <ColumnPicker spec={spec} path={path} value={value} />;
    case 'columns':
      return <ColumnsPicker spec={spec} path={path} value={value} />;
    case 'array':
      return <ArrayEditor spec={spec} path={path} value={value} />;
    case 'rules':
      return <RuleBuilder spec={spec} path={path} value={value} />;
    case 'record':
      return <RecordEditor spec={spec} path={path} value={value} />;
    case 'union':
      return <UnionEditor spec={spec} path={path} value={value} />;
    case 'object':
      return <ObjectFields fields={spec.fields ?? []} path={path} value={value} />;
    case 'sql-expression':
    case 'sql-query':
      return (
        <Suspense fallback={<p className="muted small">{t('form.editorLoading')}</p>}>
          <SqlEditor path={path} value={typeof value === 'string' ? value : ''} query={spec.kind === 'sql-query'} />
        </Suspense>
      );
    case 'code-js':
      return (
        <Suspense fallback={<p className="muted small">{t('form.editorLoading')}</p>}>
          <CodeEditor path={path} value={typeof value === 'string' ? value : ''} />
        </Suspense>
      );
    case 'json':
      return <JsonField path={path} value={value} />;
    case 'dataset':
      return <DatasetPicker path={path} value={value} />;
    default:
      return <ScalarInput spec={spec} path={path} value={value} />;
  }
}

/**
 * One param: its label (in the user's language), the widget for its kind, help, and the issues reported at it.
 * A single input is named by a `<label for>`; a composite widget is a group named by the label.
 */
export function Field({ spec, path, value }: FieldProps) {
  const { lang, issues } = useForm();
  const messages = issues(path);
  const label = spec.label?.[lang] ?? spec.key;
  const id = useId();
  const single = SINGLE_INPUT_KINDS.has(spec.kind);
  const ids = { inputId: single && label ? `${id}input` : undefined, labelId: label ? `${id}label` : undefined };
  return (
    <div
      className={`field field-${spec.kind}${messages.length ? ' field-invalid' : ''}`}
      data-field={path}
      {...(!single && label ? { role: 'group', 'aria-labelledby': ids.labelId } : {})}
    >
      {label &&
        (single ? (
          <label className="field-label" id={ids.labelId} htmlFor={ids.inputId}>
            {label}
          </label>
        ) : (
          <span className="field-label" id={ids.labelId}>
            {label}
          </span>
        ))}
      <FieldIdContext.Provider value={ids}>
        <Widget spec={spec} path={path} value={value} />
      </FieldIdContext.Provider>
      {spec.help && <span className="field-help">{spec.help[lang]}</span>}
      {messages.map((m) => (
        <span key={m} className="field-error" role="alert">
          {m}
        </span>
      ))}
    </div>
  );
}
