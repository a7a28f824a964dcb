import type { Column } from '../../../runtime/schema/types.ts';
import type { MessageKey } from '../i18n/ko.ts';
import { useT } from '../i18n/useT.ts';
import { DraftInput } from './DraftInput.tsx';
import { isNumericColumnType, joinPath } from './paths.ts';
import { NO_VALUE_OPS, parseRuleValue, valueText } from './rule-value.ts';
import { useForm } from './useForm.ts';

interface Props {
  index: number;
  path: string;
  rule: Record<string, unknown>;
  columns: Column[];
  ops: string[];
  onRemove(): void;
}

/** One rule: the column, the operator (in words), a value input that fits the column's type. */
export function RuleRow({ index, path, rule, columns, ops, onRemove }: Props) {
  const { set, issues } = useForm();
  const t = useT();
  const at = (key: string) => joinPath(joinPath(path, index), key);
  const column = columns.find((c) => c.name === rule.column);
  const numeric = isNumericColumnType(column?.type);
  const op = String(rule.op ?? '=');
  const messages = [...issues(joinPath(path, index)), ...issues(at('column')), ...issues(at('value'))];
  return (
    <div className="rule-row" data-rule={index}>
      <select
        aria-label={t('form.column')}
        value={String(rule.column ?? '')}
        onChange={(e) => set(at('column'), e.target.value)}
      >
        {!column && (
          <option value={String(rule.column ?? '')}>{String(rule.column ?? '') || t('form.chooseColumn')}</option>
        )}
        {columns.map((c) => (
          <option key={c.name} value={c.name}>
            {c.name}
          </option>
        ))}
      </select>
      <select aria-label={t('form.operator')} value={op} onChange={(e) => set(at('op'), e.target.value)}>
        {ops.map((o) => (
          <option key={o} value={o}>
            {t(`op.${o}` as MessageKey)}
          </option>
        ))}
      </select>
      {!NO_VALUE_OPS.has(op) && (
        <DraftInput
          aria-label={t('form.value')}
          type={numeric && op !== 'in' && op !== 'not_in' ? 'number' : 'text'}
          placeholder={op === 'in' || op === 'not_in' ? t('form.listHint') : ''}
          text={valueText(rule.value)}
          onText={(text) => set(at('value'), parseRuleValue(text, op, numeric))}
        />
      )}
      <button type="button" className="icon danger" title={t('form.remove')} onClick={onRemove}>
        ×
      </button>
      {messages.map((m) => (
        <span key={m} className="field-error" role="alert">
          {m}
        </span>
      ))}
    </div>
  );
}
