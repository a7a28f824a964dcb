import { describe, expect, it } from 'vitest';
import { errorLine, jsSuggestions } from './js-completion.ts';

const cols = [
  { name: 'value', type: 'DOUBLE' },
  { name: 'hs code', type: 'VARCHAR' },
];

describe('code editor completion', () => {
  it('offers inputs after `inputs.` and columns after `d.`', () => {
    expect(jsSuggestions('return inputs.', ['decl'], cols).map((s) => s.label)).toEqual(['decl', 'input']);
    expect(jsSuggestions('filter(d => d.', ['decl'], cols).map((s) => s.insert)).toEqual(['value', '"hs code"']);
    expect(jsSuggestions('', ['decl'], cols).some((s) => s.label === 'derive')).toBe(true);
  });

  it('reads the line from a node error', () => {
    expect(errorLine('TypeError: t.nope is not a function (line 2)')).toBe(2);
    expect(errorLine('Time limit of 1 s exceeded')).toBeUndefined();
  });
});
