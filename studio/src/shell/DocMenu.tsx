import { useRef } from 'react';
import { useServices } from '../app/useServices.ts';
import { useStudio } from '../app/useStudio.ts';
import { both } from '../i18n/translate.ts';
import { useT } from '../i18n/useT.ts';
import { downloadDoc, readDocFile } from '../persist/doc-file.ts';
import { emptyDoc } from '../state/doc/empty-doc.ts';

/** The pipeline's name, new, open and save as a `.json` file. */
export function DocMenu() {
  const { store, ready } = useServices();
  const t = useT();
  const name = useStudio((s) => s.doc.name);
  const input = useRef<HTMLInputElement>(null);
  const s = store.getState;

  const open = async (file: File) => {
    await ready;
    const analyzer = s().analyzer!;
    try {
      s().load(await readDocFile(file, analyzer));
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
        <button type="button" onClick={() => s().load(emptyDoc(t('doc.untitled')))} data-testid="new-doc">
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
        accept=".json,application/json"
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
