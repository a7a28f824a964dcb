import { describe, expect, it } from 'vitest';
import { labelled, portRows } from './port-layout.ts';

const port = (name: string) => ({ name, label: { ko: name, en: name } });

describe('portRows', () => {
  it('keeps one-in one-out cards without a port band', () => {
    expect(portRows([port('in')], [port('out')])).toBeUndefined();
    expect(portRows([], [port('out')])).toBeUndefined();
  });

  it('gives a two-input node one row per input, the single output beside the first', () => {
    // join: left, right → out: max(2, 1) = 2 rows
    expect(portRows([port('left'), port('right')], [port('out')])).toEqual([
      { input: port('left'), output: port('out') },
      { input: port('right') },
    ]);
  });

  it('lines up four outputs against one input (model.evaluate: out, roc, pr, confusion)', () => {
    const rows = portRows([port('in')], [port('out'), port('roc'), port('pr'), port('confusion')])!;
    expect(rows.map((r) => [r.input?.name, r.output?.name])).toEqual([
      ['in', 'out'],
      [undefined, 'roc'],
      [undefined, 'pr'],
      [undefined, 'confusion'],
    ]);
  });

  it('labels only the sides that have ports to tell apart', () => {
    expect(labelled([port('in')])).toBe(false);
    expect(labelled([port('train'), port('score')])).toBe(true);
  });
});
