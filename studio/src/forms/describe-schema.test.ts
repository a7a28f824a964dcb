import { describe, expect, it } from 'vitest';
import { registry } from '../../../nodes/index.ts';
import { describeSchema, emptyValue, shown } from './describe-schema.ts';
import type { FieldSpec } from './field-spec.ts';

const formOf = (type: string) => describeSchema(registry.get(type)!.params as never);
const field = (spec: FieldSpec, key: string) => spec.fields!.find((f) => f.key === key)!;

describe('describeSchema: params schema → form fields', () => {
  it('gives the filter a SQL expression, a rule builder and an and/or select, labels from .meta()', () => {
    const form = formOf('prep.filter');
    expect(form.kind).toBe('object');
    expect(form.fields!.map((f) => [f.key, f.kind])).toEqual([
      ['where', 'sql-expression'],
      ['rules', 'rules'],
      ['combine', 'select'],
    ]);
    expect(field(form, 'where').label?.ko).toBe('조건식');
    expect(field(form, 'combine')).toMatchObject({ options: ['and', 'or'], defaultValue: 'and', optional: true });
    const rule = field(form, 'rules').item!;
    expect(field(rule, 'column')).toMatchObject({ kind: 'column', columnOf: 'in', optional: false });
    expect(field(rule, 'op').options).toContain('>=');
    expect(field(rule, 'value').showIf?.op).not.toContain('is_null');
  });

  it("gives the dedupe's orderBy the sort's form (column picker + descending), though a bare name is accepted", () => {
    const order = field(formOf('prep.dedupe'), 'orderBy');
    expect(order).toMatchObject({ kind: 'array', optional: true });
    expect(order.item!.fields!.map((f) => [f.key, f.kind])).toEqual([
      ['column', 'column'],
      ['desc', 'boolean'],
    ]);
    expect(registry.get('prep.dedupe')!.params.parse({ orderBy: ['day'] })).toMatchObject({
      orderBy: [{ column: 'day', desc: false }],
    });
  });

  it('gives the aggregate a multi-column picker and an array of measures with conditional fields', () => {
    const form = formOf('prep.aggregate');
    expect(field(form, 'groupBy')).toMatchObject({ kind: 'columns', columnOf: 'in', defaultValue: [] });
    const measures = field(form, 'measures');
    expect(measures.kind).toBe('array');
    expect(measures.item!.fields!.map((f) => [f.key, f.kind])).toEqual([
      ['fn', 'select'],
      ['column', 'column'],
      ['q', 'number'],
      ['as', 'text'],
    ]);
    const q = field(measures.item!, 'q');
    expect(shown(q, { fn: 'quantile' })).toBe(true);
    expect(shown(q, { fn: 'sum' })).toBe(false);
    const fnField = { ...q, key: 'fn', showIf: undefined, defaultValue: 'quantile' } as typeof q;
    expect(shown(q, {}, [fnField])).toBe(true); // unset: the default decides
    expect(shown(q, { fn: 'sum' }, [fnField])).toBe(false);
    expect(emptyValue(measures.item!)).toEqual({ fn: 'count', as: '' });
  });

  it('maps cast columns to a record of DuckDB type pickers', () => {
    const columns = field(formOf('prep.cast'), 'columns');
    expect(columns.kind).toBe('record');
    expect(columns.item!.kind).toBe('type');
  });

  it('maps discriminated unions (validate rules) to variants keyed by their tag', () => {
    const rules = field(formOf('prep.validate'), 'rules');
    const union = rules.item!;
    expect(union.kind).toBe('union');
    expect(union.discriminator).toBe('rule');
    expect(union.variants!.length).toBeGreaterThan(2);
    expect(union.variants!.every((v) => v.tag !== '' && !v.fields.some((f) => f.key === 'rule'))).toBe(true);
    expect(emptyValue(union)).toMatchObject({ rule: union.variants![0]!.tag });
  });

  it('describes every node type without falling back to JSON for the whole form', () => {
    for (const def of registry.values()) {
      const form = describeSchema(def.params as never);
      expect(form.kind, def.type).toBe('object');
    }
  });
});
