import { useServices } from '../app/useServices.ts';
import { useT } from '../i18n/useT.ts';
import { openFromServer, startUnsaved } from '../library/editor-actions.ts';
import { go } from '../library/route.ts';
import { emptyDoc } from '../state/doc/empty-doc.ts';

export type Openable = 'pipeline' | 'template' | 'dataset' | 'dashboard' | 'request' | 'node';

/** Where a found or listed item opens: pipelines in the editor, a node type as a new document with that node. */
export function useOpener() {
  const { store, ready } = useServices();
  const t = useT();
  const startWith = async (type: string) => {
    await ready;
    await startUnsaved(store, emptyDoc(t('doc.untitled')));
    store.getState().dispatch('add-node', { type });
    go('#/editor');
  };
  return async (kind: Openable, id: string) => {
    if (kind === 'pipeline') {
      await openFromServer(store, ready, id);
      go('#/editor');
    } else if (kind === 'template') go(`#/templates/${encodeURIComponent(id)}`);
    else if (kind === 'dataset') go('#/datasets');
    else if (kind === 'dashboard') go(`#/dashboards/${encodeURIComponent(id)}`);
    else if (kind === 'request') go(`#/requests/${encodeURIComponent(id)}`);
    else await startWith(id);
  };
}
