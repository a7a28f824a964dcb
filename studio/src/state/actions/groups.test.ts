import { describe, expect, it } from 'vitest';
import { registry } from '../../../../nodes/index.ts';
import { emptyDoc } from '../doc/empty-doc.ts';
import { performAction } from '../perform-action.ts';
import { presentationOnly } from '../presentation-only.ts';
import { applyGroupEdit, groupsOf, type NodeGroup } from './groups.ts';

const ctx = { registry };
const group = (id: string, nodes: string[]): NodeGroup => ({ id, label: id, colour: 'blue', nodes });

describe('applyGroupEdit', () => {
  it('takes grouped nodes out of any other group and drops the groups left empty', () => {
    const before = [group('g1', ['a', 'b']), group('g2', ['c'])];
    // g3 takes b and c: g1 keeps a, g2 empties and goes
    expect(applyGroupEdit(before, { put: [group('g3', ['b', 'c'])] })).toEqual([
      group('g1', ['a']),
      group('g3', ['b', 'c']),
    ]);
  });

  it('replaces a group in its place and ungroups by id', () => {
    const before = [group('g1', ['a']), group('g2', ['b'])];
    const renamed = { ...group('g1', ['a']), label: 'HS 검토' };
    expect(applyGroupEdit(before, { put: [renamed] })).toEqual([renamed, group('g2', ['b'])]);
    expect(applyGroupEdit(before, { remove: ['g1'] })).toEqual([group('g2', ['b'])]);
  });
});

describe('edit-groups', () => {
  it('keeps groups in doc.ui only, so nothing that runs changes', () => {
    const added = performAction(emptyDoc('t'), 'edit-groups', { put: [group('g1', ['a'])] }, ctx);
    expect(groupsOf(added.doc.ui)).toEqual([group('g1', ['a'])]);
    expect(added.doc.nodes).toEqual([]);
    expect(presentationOnly(added.patches)).toBe(true);
    const removed = performAction(added.doc, 'edit-groups', { remove: ['g1'] }, ctx);
    expect(groupsOf(removed.doc.ui)).toEqual([]);
    expect(presentationOnly(removed.patches)).toBe(true);
  });
});
