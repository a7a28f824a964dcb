import { beforeEach, describe, expect, it } from 'vitest';
import {
  linkDoc,
  linkRecord,
  markDirty,
  restoreLink,
  saveTarget,
  serverDocStore,
  unlinkDoc,
} from './server-doc-store.ts';

const A = '0b9f6f4e-7f0e-4a8e-9d55-2c1b7d0a5f11';

describe('the document link', () => {
  beforeEach(() => unlinkDoc());

  it('open A → New → Save creates a new pipeline instead of overwriting A', () => {
    linkDoc({ id: A, version: 4, name: 'A' });
    expect(saveTarget(serverDocStore.getState())).toEqual({ kind: 'update', pipelineId: A, baseVersion: 4 });
    unlinkDoc(); // 새로 만들기, 열기…, a shipped example
    expect(saveTarget(serverDocStore.getState())).toEqual({ kind: 'create' });
  });

  it('an edit after open or save marks the document unsaved; a save makes it saved again', () => {
    linkDoc({ id: A, version: 4, name: 'A' });
    expect(serverDocStore.getState().dirty).toBe(false);
    markDirty();
    expect(serverDocStore.getState().dirty).toBe(true);
    linkDoc({ id: A, version: 5, name: 'A' });
    expect(serverDocStore.getState()).toMatchObject({ baseVersion: 5, dirty: false });
  });

  it('a reload keeps the link, its version and whether it was saved', () => {
    linkDoc({ id: A, version: 4, name: '수입신고 분석' });
    markDirty();
    const kept = structuredClone(linkRecord(serverDocStore.getState()));
    unlinkDoc(); // the page reloads: the store starts empty
    restoreLink(kept);
    expect(serverDocStore.getState()).toEqual({ pipelineId: A, baseVersion: 4, name: '수입신고 분석', dirty: true });
    expect(saveTarget(serverDocStore.getState())).toEqual({ kind: 'update', pipelineId: A, baseVersion: 4 });
  });

  it('an unlinked document keeps no link, and a damaged record restores as unlinked', () => {
    expect(linkRecord(serverDocStore.getState())).toBeUndefined();
    linkDoc({ id: A, version: 2, name: 'A' });
    restoreLink({ pipelineId: 7, version: 'x' } as never);
    expect(serverDocStore.getState().pipelineId).toBeNull();
  });

  it('an overwrite after a conflict goes on top of the latest version', () => {
    linkDoc({ id: A, version: 4, name: 'A' });
    expect(saveTarget(serverDocStore.getState(), 6)).toEqual({ kind: 'update', pipelineId: A, baseVersion: 6 });
  });
});
