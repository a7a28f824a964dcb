import { useState } from 'react';
import { useServices } from '../app/useServices.ts';
import { useT } from '../i18n/useT.ts';
import type { LocalRead } from '../persist/sample-paths.ts';
import type { SaveConflict } from './api.ts';
import { ConflictDialog } from './ConflictDialog.tsx';
import { docLabel } from './doc-text.ts';
import { conflictOf, loadIntoEditor, saveAsCopy, saveToServer } from './editor-actions.ts';
import { HistoryPanel } from './HistoryPanel.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { PublishDialog } from './PublishDialog.tsx';
import { go } from './route.ts';
import { SaveUploadDialog } from './SaveUploadDialog.tsx';
import { prepareSave } from './save-prepare.ts';
import { errorText, libText } from './text.ts';
import { useLibT } from './useLibT.ts';
import { useRunsT } from './useRunsT.ts';
import { useServerDoc } from './useServerDoc.ts';
import { useSessionUser } from './useSession.ts';
import './library.css';

/** The editor header's server part: save (with the 409 choices), open, version history, publish. */
export function ServerMenu() {
  const t = useLibT();
  const rt = useRunsT();
  const tt = useT();
  const { store, ready } = useServices();
  const user = useSessionUser();
  const { pipelineId, name: linkedName } = useServerDoc();
  const [uploads, setUploads] = useState<LocalRead[]>();
  const [conflict, setConflict] = useState<SaveConflict>();
  const [panel, setPanel] = useState<'history' | 'publish'>();
  const notifyError = (e: unknown) =>
    store.getState().notify('error', { ko: errorText(libText('ko'), e), en: errorText(libText('en'), e) });

  if (!user) {
    return (
      <button type="button" className="lib-header-link" onClick={() => go('#/login')} data-testid="server-login">
        {t('login.title')}
      </button>
    );
  }

  /** Samples become their datasets; files only this browser has are offered for upload first. */
  const startSave = async () => {
    const local = await prepareSave(store);
    if (local.length > 0) setUploads(local);
    else await save();
  };
  const save = async (base?: number) => {
    try {
      const created = pipelineId === null;
      const saved = await saveToServer(store, base);
      store
        .getState()
        .notify(
          'info',
          created
            ? docLabel('save.created', { name: saved.name, version: saved.latestVersion })
            : docLabel('save.done', { version: saved.latestVersion }),
        );
    } catch (e) {
      const c = conflictOf(e);
      if (c) setConflict(c);
      else notifyError(e);
    }
  };
  const reload = async () => {
    if (!conflict) return;
    const c = conflict;
    setConflict(undefined);
    await loadIntoEditor(store, ready, {
      id: pipelineId ?? '',
      doc: c.latest.doc,
      latestVersion: c.latest.version,
      name: linkedName ?? undefined,
    });
  };
  const overwrite = async () => {
    if (!conflict) return;
    const latest = conflict.latest.version;
    setConflict(undefined);
    await save(latest);
  };
  const copy = async () => {
    setConflict(undefined);
    try {
      const name = `${store.getState().doc.name} (사본)`;
      store.getState().dispatch('rename-pipeline', { name });
      const saved = await saveAsCopy(store, name);
      store.getState().notify('info', docLabel('save.created', { name: saved.name, version: saved.latestVersion }));
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <div className="button-group lib-server-menu">
      <button type="button" onClick={() => void startSave()} data-testid="server-save">
        {t('server.save')}
      </button>
      <button type="button" onClick={() => go('#/pipelines')} data-testid="server-open">
        {t('server.open')}
      </button>
      <button
        type="button"
        onClick={() => setPanel(panel === 'history' ? undefined : 'history')}
        data-testid="server-history"
        title={t('server.history')}
      >
        {t('server.historyShort')}
      </button>
      <button
        type="button"
        disabled={!pipelineId}
        onClick={() => setPanel('publish')}
        data-testid="server-publish"
        title={t('server.publish')}
      >
        {t('server.publishShort')}
      </button>
      <button
        type="button"
        disabled={!pipelineId}
        onClick={() => go(`#/runs/${pipelineId}`)}
        data-testid="server-runs"
        title={tt('nav.schedulesTitle')}
      >
        {rt('nav.schedules')}
      </button>
      <NotificationBell />
      {uploads && (
        <SaveUploadDialog
          reads={uploads}
          onUploaded={() => {
            setUploads(undefined);
            void save();
          }}
          onCancel={() => {
            setUploads(undefined);
            store.getState().notify('refused', docLabel('upload.declined'));
          }}
        />
      )}
      {conflict && (
        <ConflictDialog
          conflict={conflict}
          onReload={() => void reload()}
          onOverwrite={() => void overwrite()}
          onCopy={() => void copy()}
          onCancel={() => setConflict(undefined)}
        />
      )}
      {panel === 'history' && <HistoryPanel onClose={() => setPanel(undefined)} />}
      {panel === 'publish' && pipelineId && (
        <PublishDialog pipelineId={pipelineId} name={store.getState().doc.name} onClose={() => setPanel(undefined)} />
      )}
    </div>
  );
}
