import { describe, expect, it } from 'vitest';
import { nodeDefinitions } from '../../nodes/index.ts';
import { doc, resolve, values } from '../testing/harness.ts';
import { defaultTargets, planRun } from './plan-run.ts';
import type { Step } from './steps.ts';

// Planning needs no engine: these run on the resolved document alone.

const DECL = values(['id:INTEGER', 'origin', 'value:DOUBLE'], [[1, 'CN', 100]]);

/** decl → big (filter) → krw (derive) → by_origin (aggregate) → top (sort), plus whatever `extra` adds. */
function pipeline(extra: { nodes?: Parameters<typeof doc>[0]; edges?: Parameters<typeof doc>[1] } = {}) {
  return resolve(
    doc(
      [
        { id: 'decl', type: 'test.values', params: DECL },
        { id: 'big', type: 'prep.filter', params: { where: 'value >= 100' } },
        { id: 'krw', type: 'prep.derive', params: { column: 'krw', expression: 'value * 1300' } },
        {
          id: 'by_origin',
          type: 'prep.aggregate',
          params: { groupBy: ['origin'], measures: [{ fn: 'sum', column: 'krw', as: 'krw' }] },
        },
        { id: 'top', type: 'prep.sort', params: { by: [{ column: 'krw', desc: true }] } },
        ...(extra.nodes ?? []),
      ],
      [['decl', 'big'], ['big', 'krw'], ['krw', 'by_origin'], ['by_origin', 'top'], ...(extra.edges ?? [])],
    ),
    nodeDefinitions,
  );
}

const nothingKept = () => false;
const brief = (steps: Step[]) =>
  steps.map((s) => {
    if (s.kind === 'write') return `${s.kind}:${s.nodeId}<${s.input}[${s.members}] by ${s.by}`;
    return 'members' in s ? `${s.kind}:${s.nodeId}[${s.members}]` : `${s.kind}:${s.nodeId}`;
  });

describe('planRun', () => {
  it('fuses a chain, storing only the aggregate (small output) and the target', () => {
    const p = pipeline();
    expect(brief(planRun(p, { targets: defaultTargets(p), isCached: nothingKept }))).toEqual([
      'load:decl',
      'inline:big',
      'inline:krw',
      'materialise:by_origin[big,krw]',
      'materialise:top[]',
    ]);
  });

  it('plans only what the targets need', () => {
    const p = pipeline();
    expect(brief(planRun(p, { targets: ['big'], isCached: nothingKept }))).toEqual(['load:decl', 'materialise:big[]']);
  });

  it('previews a node from its fused query, or from its table when one is kept', () => {
    const p = pipeline();
    expect(brief(planRun(p, { targets: ['krw'], preview: 'krw', isCached: nothingKept }))).toEqual([
      'load:decl',
      'inline:big',
      'inline:krw',
      'read:krw[big]',
    ]);
    expect(brief(planRun(p, { targets: ['krw'], preview: 'krw', isCached: (id) => id === 'krw' }))).toEqual([
      'load:decl',
      'inline:big',
      'materialise:krw[big]',
      'read:krw[]',
    ]);
  });

  it("writes a caller's file and a sink straight from the fused query, storing nothing for them", () => {
    const p = pipeline({
      nodes: [{ id: 'save', type: 'output.file', params: { path: 'out.csv', format: 'csv' } }],
      edges: [['krw', 'save']],
    });
    // krw now has two readers (by_origin and save): it is stored once and both read the table
    expect(brief(planRun(p, { targets: ['save'], writes: ['big'], isCached: nothingKept }))).toEqual([
      'load:decl',
      'inline:big',
      'write:big<big[] by caller',
      'materialise:krw[big]',
      'write:save<krw[] by sink',
    ]);
    const single = pipeline({
      nodes: [{ id: 'save', type: 'output.file', params: { path: 'out.csv', format: 'csv' } }],
      edges: [['top', 'save']],
    });
    expect(brief(planRun(single, { targets: defaultTargets(single), writes: ['top'], isCached: nothingKept }))).toEqual(
      [
        'load:decl',
        'inline:big',
        'inline:krw',
        'materialise:by_origin[big,krw]',
        'inline:top',
        'write:top<top[] by caller',
        'write:save<top[top] by sink',
      ],
    );
  });

  it('stores what a compute node reads, and what several nodes read', () => {
    const p = pipeline({
      nodes: [
        { id: 'js', type: 'code.js', params: { code: 'return inputs.input' } },
        { id: 'cheap', type: 'prep.filter', params: { where: 'value < 100' } },
      ],
      edges: [
        ['big', 'js'],
        ['decl', 'cheap'],
      ],
    });
    const steps = brief(planRun(p, { targets: ['js', 'top'], isCached: nothingKept }));
    expect(steps).toContain('materialise:big[]');
    expect(steps).toContain('compute:js');
    expect(steps).not.toContain('inline:cheap'); // not needed by either target
  });

  it('refuses a target the pipeline does not have', () => {
    expect(() => planRun(pipeline(), { targets: ['nope'], isCached: nothingKept })).toThrow('no node "nope"');
  });
});
