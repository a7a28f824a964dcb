import { describe, expect, it } from 'vitest';
import { faultSelector } from './field-at-fault.ts';
import { previewSource } from './preview-source.ts';

const base = { visible: true, hasOutput: true, state: 'done' as const, runActive: false, inspectedRelation: undefined };

describe('previewSource', () => {
  it('queries nothing until the cell is in view, nor for sinks and nodes without output', () => {
    expect(previewSource({ ...base, visible: false })).toEqual({ kind: 'none' });
    expect(previewSource({ ...base, hasOutput: false })).toEqual({ kind: 'none' });
    expect(previewSource({ ...base, state: 'idle' })).toEqual({ kind: 'none' });
  });

  it('waits for the node to be done and for the run to free the engine', () => {
    expect(previewSource({ ...base, state: 'stale' })).toEqual({ kind: 'waiting' });
    expect(previewSource({ ...base, state: 'error' })).toEqual({ kind: 'waiting' });
    expect(previewSource({ ...base, runActive: true })).toEqual({ kind: 'waiting' });
  });

  it('reads a window of the inspected result at once, even mid-run or out of view, and previews the others', () => {
    expect(previewSource({ ...base, runActive: true, visible: false, inspectedRelation: '"t1"' })).toEqual({
      kind: 'window',
      relation: '"t1"',
    });
    expect(previewSource(base)).toEqual({ kind: 'preview' });
  });
});

describe('faultSelector', () => {
  // CSS.escape is a browser API; escaping the dots is all these paths need.
  globalThis.CSS ??= { escape: (s: string) => s.replace(/\./g, '\\.') } as typeof CSS;
  const inForm =
    (...selectors: string[]) =>
    (selector: string) =>
      selectors.includes(selector);

  it('outlines the field itself when the form shows it', () => {
    const exists = inForm('.field[data-field="options\\.delimiter"]');
    expect(faultSelector('options.delimiter', exists)).toBe('.field[data-field="options\\.delimiter"]');
  });

  it('outlines the rule row a rule param names, else the nearest shown parent, else nothing', () => {
    const rules = '.field[data-field="rules"]';
    expect(faultSelector('rules.1.column', inForm(rules, `${rules} .rule-row[data-rule="1"]`))).toBe(
      `${rules} .rule-row[data-rule="1"]`,
    );
    expect(faultSelector('rules.1.column', inForm(rules))).toBe(rules);
    expect(faultSelector('where', inForm(rules))).toBeUndefined();
  });
});
