import { z } from 'zod';
import type { Label, ParamMeta } from '../nodes/param-meta.ts';
import { optionLabel } from './option-labels.ts';
import { type Message, msg, renderMessage } from './render.ts';

/** The parts of zod 4's internals read here (`schema._zod.def`), kept structural. */
interface ZodLike {
  _zod: { def: ZodDef };
  meta?: () => ParamMeta | undefined;
}
interface ZodDef {
  type: string;
  innerType?: ZodLike;
  shape?: Record<string, ZodLike>;
  element?: ZodLike;
  options?: ZodLike[];
  valueType?: ZodLike;
  in?: ZodLike;
}

const WRAPPERS = new Set(['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch', 'nonoptional']);

function unwrap(schema: ZodLike): { inner: ZodLike; meta: ParamMeta } {
  let s = schema;
  const metas: ParamMeta[] = [];
  for (let i = 0; i < 20; i++) {
    try {
      metas.push(s.meta?.() ?? {});
    } catch {
      // a schema without a registry entry
    }
    const def = s._zod.def;
    if (WRAPPERS.has(def.type) && def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else break;
  }
  return { inner: s, meta: Object.assign({}, ...metas.reverse()) as ParamMeta };
}

function child(inner: ZodLike, key: string | number): ZodLike | undefined {
  const def = inner._zod.def;
  if (def.type === 'object') return def.shape?.[String(key)];
  if (def.type === 'array') return def.element;
  if (def.type === 'record') return def.valueType;
  if (def.type === 'union') {
    for (const o of def.options ?? []) {
      const c = child(unwrap(o).inner, key);
      if (c) return c;
    }
  }
  return undefined;
}

function humanKey(key: string): Label {
  return { ko: key, en: key };
}

/**
 * The setting at `path` named as the form names it: `measures.0.as` → "측정값 1번째 › 이름". Array items are
 * counted from 1; a step without a label keeps its key (never the whole zod path).
 */
export function fieldLabel(schema: unknown, path: readonly PropertyKey[]): Label {
  const ko: string[] = [];
  const en: string[] = [];
  let s: ZodLike | undefined = schema as ZodLike;
  for (const raw of path) {
    const key = typeof raw === 'symbol' ? String(raw.description) : raw;
    const next: ZodLike | undefined = s ? child(unwrap(s).inner, key) : undefined;
    if (typeof key === 'number') {
      // "측정값" + "1번째" reads as one step
      const n = key + 1;
      if (ko.length) {
        ko[ko.length - 1] += ` ${n}번째`;
        en[en.length - 1] += ` #${n}`;
      } else {
        ko.push(`${n}번째`);
        en.push(`#${n}`);
      }
    } else {
      const label = next ? unwrap(next).meta.label : undefined;
      const l = label ?? humanKey(key);
      ko.push(l.ko);
      en.push(l.en);
    }
    s = next;
  }
  return { ko: ko.join(' › ') || '설정', en: en.join(' › ') || 'settings' };
}

function leafMeta(schema: unknown, path: readonly PropertyKey[]): ParamMeta {
  let s: ZodLike | undefined = schema as ZodLike;
  for (const key of path) s = s ? child(unwrap(s).inner, key as string | number) : undefined;
  return s ? unwrap(s).meta : {};
}

const TYPE_WORDS: Record<string, Label> = {
  string: { ko: '글자', en: 'text' },
  number: { ko: '숫자', en: 'a number' },
  int: { ko: '정수', en: 'a whole number' },
  boolean: { ko: '예/아니오', en: 'yes/no' },
  array: { ko: '목록', en: 'a list' },
  object: { ko: '설정 묶음', en: 'a group of settings' },
  date: { ko: '날짜', en: 'a date' },
};

type Issue = z.core.$ZodIssue;

/** Refinements the nodes share, said through the catalogue (their English stays the developer text). */
const CUSTOM_CHECKS: [RegExp, (field: Label) => Message][] = [
  [/^choose at least one column$/, (field) => msg('param.choose_columns', { field })],
  [/^give either "where"/, () => msg('param.where_or_rules')],
  [/^Give either "path" or "datasetId"/, () => msg('param.path_or_dataset')],
];

const koLocale = z.locales.ko().localeError;

/** zod's Korean text for an issue it has no word for here (the base for rare checks). */
export function zodKorean(issue: Issue): string {
  const out = koLocale(issue as never);
  return (typeof out === 'string' ? out : out?.message) ?? issue.message;
}

/**
 * One zod issue of a node's params as a message an officer understands: the setting by its label, the problem in
 * words. `nodeType` picks the choices' names; `input` (the params) tells a missing value from a wrong one.
 */
export function paramIssueMessage(
  schema: unknown,
  issue: Issue,
  nodeType?: string,
  nodeLabel?: Label,
  /** The field's name when the schema carries no labels (an API request body). */
  fieldName?: Label,
): Message {
  const field = fieldName ?? fieldLabel(schema, issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      if (!('input' in issue) || issue.input === undefined || issue.message.endsWith('received undefined')) {
        return msg('param.required', { field });
      }
      return msg('param.wrong_type', { field, expected: TYPE_WORDS[issue.expected] ?? issue.expected });
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? msg('param.empty', { field }) : msg('param.too_short', { field, min });
      if (issue.origin === 'array' || issue.origin === 'set') return msg('param.too_few', { field, min });
      return msg('param.too_small', {
        field,
        min,
        inclusive_ko: issue.inclusive ? '이상의' : '보다 큰',
        inclusive_en: issue.inclusive ? 'at least' : 'greater than',
      });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return msg('param.too_long', { field, max });
      if (issue.origin === 'array' || issue.origin === 'set') return msg('param.too_many', { field, max });
      return msg('param.too_big', {
        field,
        max,
        inclusive_ko: issue.inclusive ? '이하의' : '보다 작은',
        inclusive_en: issue.inclusive ? 'at most' : 'less than',
      });
    }
    case 'invalid_value': {
      const own = leafMeta(schema, issue.path).options;
      const names = issue.values.map(
        (v) =>
          optionLabel(nodeType, issue.path as (string | number)[], String(v), own) ?? { ko: String(v), en: String(v) },
      );
      return msg('param.choose_one', {
        field,
        options: { ko: names.map((n) => n.ko).join(', '), en: names.map((n) => n.en).join(', ') },
      });
    }
    case 'unrecognized_keys':
      return msg('doc.unknown_param', {
        node: nodeLabel ?? { ko: nodeType ?? '', en: nodeType ?? '' },
        type: nodeType ?? '',
        param: fieldLabel(schema, [...issue.path, issue.keys[0] ?? '']),
      });
    case 'custom': {
      // A node's own check: a catalogue message in its params (`refine(f, { params: { msg } })`), one of the
      // shared checks' texts, or else its own words.
      const own = (issue.params as { msg?: Message } | undefined)?.msg;
      if (own) return own;
      const known = CUSTOM_CHECKS.find(([re]) => re.test(issue.message));
      if (known) return known[1](field);
      return msg('param.invalid', { field, detail: issue.message });
    }
    default:
      return msg('param.invalid', { field, detail: { ko: zodKorean(issue), en: issue.message } });
  }
}

/** A param issue as plain text (for logs and the command line). */
export function paramIssueText(schema: unknown, issue: Issue, lang: 'ko' | 'en', nodeType?: string): string {
  return renderMessage(paramIssueMessage(schema, issue, nodeType), lang);
}
