import { describe, expect, it } from 'vitest';
import { nodeDefinitions } from '../../nodes/index.ts';
import { renderMessage } from '../messages/render.ts';
import { doc, testRegistry, values } from '../testing/harness.ts';
import { migrateDoc } from './migrate.ts';
import { validatePipeline } from './validate.ts';

const registry = testRegistry(nodeDefinitions);
const SRC = { id: 'src', type: 'test.values', params: values(['a:INTEGER'], [[1]]) };

function issuesOf(input: unknown, parameters?: Record<string, unknown>) {
  const r = validatePipeline(input, registry, { parameters });
  return r.ok ? [] : r.issues.map(({ code, nodeId, param }) => ({ code, nodeId, param }));
}

describe('validatePipeline', () => {
  it('accepts a valid document and orders nodes by dependency', () => {
    const r = validatePipeline(
      doc([{ id: 'f', type: 'prep.filter', params: { where: 'a > 0' } }, SRC], [['src', 'f']]),
      registry,
    );
    expect(r.ok && r.pipeline.order).toEqual(['src', 'f']);
  });

  it('names an unknown node type', () => {
    expect(issuesOf(doc([SRC, { id: 'x', type: 'prep.nope' }], [['src', 'x']]))).toEqual([
      { code: 'unknown_type', nodeId: 'x', param: undefined },
    ]);
  });

  it('names unknown and invalid params', () => {
    expect(
      issuesOf(doc([SRC, { id: 'f', type: 'prep.sort', params: { by: [{ column: 'a' }], limt: 3 } }], [['src', 'f']])),
    ).toEqual([{ code: 'unknown_param', nodeId: 'f', param: 'limt' }]);
    expect(
      issuesOf(
        doc([SRC, { id: 'f', type: 'prep.sort', params: { by: [{ column: 'a' }], limit: -1 } }], [['src', 'f']]),
      ),
    ).toEqual([{ code: 'invalid_param', nodeId: 'f', param: 'limit' }]);
    expect(
      issuesOf(
        doc(
          [SRC, { id: 'g', type: 'prep.aggregate', params: { measures: [{ fn: 'mean', as: 'm' }] } }],
          [['src', 'g']],
        ),
      ),
    ).toEqual([{ code: 'invalid_param', nodeId: 'g', param: 'measures.0.fn' }]);
  });

  it('finds a cycle and names its nodes', () => {
    const r = validatePipeline(
      doc(
        [
          SRC,
          { id: 'j', type: 'prep.join', params: { on: [{ left: 'a', right: 'a' }] } },
          { id: 'f', type: 'prep.filter', params: { where: 'true' } },
        ],
        [
          { source: 'src', target: 'j', targetPort: 'left' },
          { source: 'f', target: 'j', targetPort: 'right' },
          ['j', 'f'],
        ],
      ),
      registry,
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues).toMatchObject([{ code: 'cycle', nodeId: 'j', message: 'cycle through j → f' }]);
    const issue = !r.ok ? r.issues[0] : undefined;
    expect(issue?.msg && renderMessage(issue.msg, 'ko')).toBe(
      '연결이 순환합니다: 결합 (조인) (j) → 행 필터 (f). 연결 하나를 지우세요',
    );
  });

  it('reports a missing input and a port fed twice', () => {
    expect(issuesOf(doc([SRC, { id: 'f', type: 'prep.filter', params: { where: 'true' } }], []))).toEqual([
      { code: 'missing_input', nodeId: 'f', param: undefined },
    ]);
    const twice = doc(
      [SRC, { ...SRC, id: 'src2' }, { id: 'f', type: 'prep.filter', params: { where: 'true' } }],
      [
        ['src', 'f'],
        ['src2', 'f'],
      ],
    );
    expect(issuesOf(twice)).toEqual([{ code: 'port_fed_twice', nodeId: 'f', param: undefined }]);
  });

  it('reports duplicate ids, unknown edge ends and unknown ports', () => {
    expect(issuesOf(doc([SRC, SRC], []))).toEqual([{ code: 'duplicate_id', nodeId: 'src', param: undefined }]);
    expect(issuesOf(doc([SRC], [['src', 'ghost']]))).toEqual([
      { code: 'unknown_node', nodeId: undefined, param: undefined },
    ]);
    expect(
      issuesOf(
        doc(
          [SRC, { id: 'f', type: 'prep.filter', params: { where: 'true' } }],
          [{ source: 'src', target: 'f', targetPort: 'left' }],
        ),
      ).map((i) => i.code),
    ).toEqual(['unknown_port', 'missing_input']);
  });

  it('reports format errors with the node at fault', () => {
    expect(issuesOf({ ...doc([], []), format: 'other' })[0]?.code).toBe('format');
    expect(issuesOf(doc([{ id: '1bad', type: 'sql' }], []))).toEqual([{ code: 'format', nodeId: '1bad', param: 'id' }]);
  });

  it('reports undeclared and missing parameters', () => {
    const d = doc([SRC, { id: 'f', type: 'prep.filter', params: { where: 'a > {{min}}' } }], [['src', 'f']]);
    expect(issuesOf(d)).toEqual([{ code: 'unknown_parameter', nodeId: 'f', param: undefined }]);
    const declared = doc(
      [SRC, { id: 'f', type: 'prep.filter', params: { where: 'a > {{min}}' } }],
      [['src', 'f']],
      [{ name: 'min', type: 'number' }],
    );
    expect(issuesOf(declared).map((i) => i.code)).toEqual(['missing_parameter']);
    expect(issuesOf(declared, { min: '3' })).toEqual([]);
    expect(issuesOf(declared, { min: 'abc' }).map((i) => i.code)).toEqual(['missing_parameter']);
    expect(issuesOf(declared, { max: 1 }).map((i) => i.code)).toEqual(['missing_parameter']);
  });

  it('says only that the parameter is wrong, not again for each step that uses it', () => {
    const d = doc(
      [
        SRC,
        { id: 'f', type: 'prep.filter', params: { where: 'a > {{min}}' } },
        { id: 's', type: 'prep.sample', params: { method: 'first', n: '{{rows}}' } },
      ],
      [
        ['src', 'f'],
        ['f', 's'],
      ],
      [
        { name: 'min', type: 'number' },
        { name: 'rows', type: 'number' },
      ],
    );
    expect(issuesOf(d, { min: '1', rows: '5' })).toEqual([]);
    expect(issuesOf(d, { min: '2023; COPY x', rows: '5' }).map((i) => i.code)).toEqual(['missing_parameter']);
    // a step whose own value is wrong, with every parameter fine, is still reported
    const fixed = doc([SRC, { id: 's', type: 'prep.sample', params: { method: 'first', n: 'ten' } }], [['src', 's']]);
    expect(issuesOf(fixed)).toEqual([{ code: 'invalid_param', nodeId: 's', param: 'n' }]);
  });
});

describe('parameters become typed SQL literals', () => {
  function filterParams(where: string, type: string, value: unknown) {
    const r = validatePipeline(
      doc([SRC, { id: 'f', type: 'prep.filter', params: { where } }], [['src', 'f']], [{ name: 'p', type }]),
      registry,
      { parameters: { p: value } },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.pipeline.nodes.get('f')!.params;
  }
  it('writes numbers, strings, booleans and dates as literals of their type', () => {
    expect(filterParams('v >= {{p}}', 'number', '1000000')).toEqual({ where: 'v >= 1000000', combine: 'and' });
    expect(filterParams('origin = {{ p }}', 'string', "O'Brien")).toEqual({
      where: "origin = 'O''Brien'",
      combine: 'and',
    });
    expect(filterParams('flag = {{p}}', 'boolean', 'true')).toEqual({ where: 'flag = TRUE', combine: 'and' });
    expect(filterParams('day >= {{p}}', 'date', '2024-01-05')).toEqual({
      where: "day >= DATE '2024-01-05'",
      combine: 'and',
    });
  });
  it('keeps a hostile string inside its literal', () => {
    const p = filterParams('origin = {{p}}', 'string', "x'; DROP TABLE t; --") as { where: string };
    expect(p.where).toBe("origin = 'x''; DROP TABLE t; --'");
  });
  it('gives non-SQL fields the typed value', () => {
    const r = validatePipeline(
      doc(
        [SRC, { id: 's', type: 'prep.sort', params: { by: [{ column: 'a' }], limit: '{{n}}' } }],
        [['src', 's']],
        [{ name: 'n', type: 'number', default: 5 }],
      ),
      registry,
    );
    expect(r.ok && r.pipeline.nodes.get('s')!.params).toEqual({ by: [{ column: 'a', desc: false }], limit: 5 });
  });
  it('refuses an invalid date', () => {
    expect(() => filterParams('d = {{p}}', 'date', '2024-02-30')).toThrow(/YYYY-MM-DD/);
  });
});

describe('migrateDoc', () => {
  it('passes format 1 through and refuses newer versions', () => {
    const d = doc([], []);
    expect(migrateDoc(d)).toEqual(d);
    expect(() => migrateDoc({ ...d, version: 2 })).toThrow(/reads up to version 1/);
  });
  it('applies every step from an old version up to the target', () => {
    const steps = [
      { from: 1, up: (x: Record<string, unknown>) => ({ ...x, a: 1 }) },
      { from: 2, up: (x: Record<string, unknown>) => ({ ...x, b: (x.a as number) + 1 }) },
    ];
    expect(migrateDoc(doc([], []), steps, 3)).toMatchObject({ version: 3, a: 1, b: 2 });
    expect(() => migrateDoc(doc([], []), [steps[0]!], 3)).toThrow(/no migration from pipeline format version 2/);
  });
});
