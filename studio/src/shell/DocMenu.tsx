import { useRef } from 'react';
import { useServices } from '../app/useServices.ts';
import { useStudio } from '../app/useStudio.ts';
import { both } from '../i18n/translate.ts';
import { useT } from '../i18n/useT.ts';
import { docLabel } from '../library/doc-text.ts';
import { startUnsaved } from '../library/editor-actions.ts';
import { downloadDoc, readDocFile } from '../persist/doc-file.ts';
import { openKind } from '../persist/open-kind.ts';
import { addFiles } from '../sources/add-sources.ts';
import { emptyDoc } from '../state/doc/empty-doc.ts';

/** What "열기…" accepts: pipeline files and every data format the studio reads. */
const ACCEPT = '.json,application/json,.csv,.tsv,.tab,.txt,.parquet,.pq,.xlsx,.jsonl,.ndjson';

/**
 * The pipeline's name, new, open and save as a `.json` file. New and a pipeline file start a document that
 * is not linked to a server pipeline; a data file is added to the open pipeline as a read node.
 */
export function DocMenu() {
  const services = useServices();
  const { store, ready } = services;
  const t = useT();
  const name = useStudio((s) => s.doc.name);
  const input = useRef<HTMLInputElement>(null);
  const s = store.getState;

  const open = async (file: File) => {
    const kind = openKind(file.name, await file.slice(0, 64).text());
    if (kind === 'data') {
      await addFiles(services, [file]);
      s().notify('info', docLabel('open.asData', { file: file.name }));
      return;
    }
    await ready;
    const analyzer = s().analyzer!;
    try {
      await startUnsaved(store, await readDocFile(file, analyzer));
    } catch (e) {
      s().notify('error', both('doc.openFailed', { message: (e as Error).message }));
    }
  };
  const save = () => {
    s().notify('info', both('doc.saved', { file: downloadDoc(s().doc) }));
  };

  return (
    <div className="doc-menu">
      <input
        className="doc-name"
        aria-label={t('doc.name')}
        value={name}
        onChange={(e) => s().dispatch('rename-pipeline', { name: e.target.value }, { squash: 'typing:doc-name' })}
        onBlur={() => s().closeStep()}
      />
      <div className="button-group">
        <button
          type="button"
          onClick={() => void startUnsaved(store, emptyDoc(t('doc.untitled')))}
          data-testid="new-doc"
        >
          {t('doc.new')}
        </button>
        <button type="button" onClick={() => input.current?.click()}>
          {t('doc.open')}
        </button>
        <button type="button" onClick={save} data-testid="save-doc">
          {t('doc.save')}
        </button>
      </div>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        data-testid="open-doc-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void open(file);
        }}
      />
    </div>
  );
}
