import { useState } from 'react';
import { REQUEST_ACTION_LABELS } from '../../../runtime/messages/request-labels.ts';
import { useLang } from '../i18n/useLang.ts';
import { api, type DatasetList, data, getCsrf, LibraryError } from '../library/api.ts';
import { go } from '../library/route.ts';
import { errorText } from '../library/text.ts';
import { useLibT } from '../library/useLibT.ts';
import { useLoad } from '../library/useLoad.ts';
import type { AnalysisRequest, Analysts, RequestDetail, RequestList } from './api.ts';
import { useOpener } from './open.ts';
import { RequestState } from './RequestState.tsx';
import { type PortalKey, usePortalT } from './text.ts';
import './portal.css';

type Scope = 'mine' | 'review' | 'assigned' | 'all';
const SCOPES: Scope[] = ['mine', 'review', 'assigned', 'all'];
type Attachment = { kind: 'dataset'; datasetId: string } | { kind: 'link'; url: string; label: string };
const keyOf = (a: Attachment) => (a.kind === 'link' ? `link:${a.url}` : `dataset:${a.datasetId}`);
const formatBytes = (n: number) =>
  n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 ** 2).toFixed(1)} MB`;

/** Files go up after the request is filed (`POST /api/requests/{id}/files`, raw body, name in X-Filename). */
async function attachFile(requestId: string, file: File): Promise<void> {
  const csrf = getCsrf();
  const res = await fetch(`/api/requests/${requestId}/files`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'X-Filename': encodeURIComponent(file.name), ...(csrf ? { 'X-CSRF-Token': csrf } : {}) },
    body: file,
  });
  if (res.ok) return;
  const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
  throw new LibraryError(res.status, body.code ?? `http_${res.status}`, body.message ?? res.statusText, body);
}
/** Adds an attachment unless the same one is there already. */
const withAttachment = (list: Attachment[], a: Attachment) =>
  list.some((x) => keyOf(x) === keyOf(a)) ? list : [...list, a];

function NewRequestForm({ onDone }: { onDone(id: string): void }) {
  const t = usePortalT();
  const lt = useLibT();
  const [form, setForm] = useState({ title: '', purpose: '', content: '', dataWanted: '', dueDate: '' });
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [link, setLink] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string>();
  const datasets = useLoad(() => data<DatasetList>(api.datasets.$get({ query: {} })), 'req/datasets');
  const field = (key: keyof typeof form, label: PortalKey, multi = false) =>
    multi ? (
      <label className="lib-field">
        <span>{t(label)}</span>
        <textarea name={key} rows={3} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
      </label>
    ) : (
      <label className="lib-field">
        <span>{t(label)}</span>
        <input
          name={key}
          type={key === 'dueDate' ? 'date' : 'text'}
          value={form[key]}
          onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        />
      </label>
    );
  const submit = async () => {
    try {
      const created = await data<RequestDetail>(
        api.requests.$post({ json: { ...form, dueDate: form.dueDate || null, attachments } }),
      );
      try {
        for (const f of files) await attachFile(created.id, f);
      } finally {
        // filed either way: a refused file shows on the request's page, which opens now
        onDone(created.id);
      }
    } catch (e) {
      setError(errorText(lt, e));
    }
  };
  const named = (a: Attachment) =>
    a.kind === 'link' ? a.url : (datasets.value?.items.find((d) => d.id === a.datasetId)?.name ?? a.datasetId);
  return (
    <section className="lib-card req-form" data-testid="request-form">
      <h3>{t('req.new')}</h3>
      {field('title', 'req.field.title')}
      {field('purpose', 'req.field.purpose', true)}
      {field('content', 'req.field.content', true)}
      {field('dataWanted', 'req.field.dataWanted', true)}
      {field('dueDate', 'req.field.dueDate')}
      <div className="lib-field">
        <span>{t('req.field.attachments')}</span>
        <ul>
          {attachments.map((a) => (
            <li key={keyOf(a)}>{named(a)}</li>
          ))}
          {files.map((f) => (
            <li key={`file:${f.name}:${f.size}`}>
              {f.name} ({formatBytes(f.size)})
            </li>
          ))}
        </ul>
        <div className="lib-row">
          <select
            aria-label={t('req.attach.dataset')}
            value=""
            onChange={(e) =>
              e.target.value &&
              setAttachments(withAttachment(attachments, { kind: 'dataset', datasetId: e.target.value }))
            }
          >
            <option value="">{t('req.attach.dataset')}</option>
            {datasets.value?.items.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          <input
            type="url"
            placeholder={t('req.attach.link')}
            aria-label={t('req.attach.link')}
            value={link}
            onChange={(e) => setLink(e.target.value)}
          />
          <button
            type="button"
            disabled={!/^https?:\/\//.test(link)}
            onClick={() => {
              setAttachments(withAttachment(attachments, { kind: 'link', url: link, label: '' }));
              setLink('');
            }}
          >
            {t('req.attach.add')}
          </button>
        </div>
        <label className="lib-row">
          <span className="lib-muted">{t('req.attach.upload')}</span>
          <input
            type="file"
            multiple
            aria-label={t('req.attach.upload')}
            onChange={(e) => {
              const picked = [...(e.target.files ?? [])];
              setFiles((old) => [
                ...old,
                ...picked.filter((f) => !old.some((o) => o.name === f.name && o.size === f.size)),
              ]);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {error && <p className="lib-error">{error}</p>}
      <button type="button" className="primary" disabled={!form.title.trim()} onClick={() => void submit()}>
        {t('req.submit')}
      </button>
    </section>
  );
}

function RequestRows({ items }: { items: AnalysisRequest[] }) {
  const t = usePortalT();
  if (items.length === 0) return <p className="lib-muted">{t('req.empty')}</p>;
  return (
    <table className="lib-table" data-testid="request-list">
      <thead>
        <tr>
          <th>{t('req.field.title')}</th>
          <th>{t('req.state')}</th>
          <th>{t('req.requester')}</th>
          <th>{t('req.analyst')}</th>
          <th>{t('req.due')}</th>
          <th>{t('req.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id}>
            <td>
              <a href={`#/requests/${r.id}`}>{r.title}</a>
            </td>
            <td>
              <RequestState state={r.state} />
            </td>
            <td>{r.requester.displayName}</td>
            <td>{r.analyst?.displayName ?? '–'}</td>
            <td>{r.dueDate ?? '–'}</td>
            <td>{new Date(r.updatedAt).toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 분석의뢰: the requests the officer filed, those waiting for their review, those assigned to them; a new one. */
export function RequestsPage() {
  const t = usePortalT();
  const [scope, setScope] = useState<Scope>('mine');
  const [creating, setCreating] = useState(false);
  const list = useLoad(
    () => data<RequestList>(api.requests.$get({ query: { scope, limit: '100' } })),
    `requests/${scope}`,
  );
  return (
    <section className="lib-page" data-testid="requests-page">
      <div className="lib-row">
        <h2>{t('req.title')}</h2>
        <span className="lib-grow" />
        <button type="button" className="primary" onClick={() => setCreating(!creating)} data-testid="request-new">
          {t('req.new')}
        </button>
      </div>
      {creating && <NewRequestForm onDone={(id) => go(`#/requests/${id}`)} />}
      <div className="lib-row req-tabs" role="tablist">
        {SCOPES.map((s) => (
          <button
            type="button"
            role="tab"
            key={s}
            aria-selected={scope === s}
            className={scope === s ? 'active' : ''}
            onClick={() => setScope(s)}
          >
            {t(`req.scope.${s}` as PortalKey)}
          </button>
        ))}
      </div>
      {list.error && <p className="lib-error">{list.error}</p>}
      {list.value && <RequestRows items={list.value.items} />}
    </section>
  );
}

type Action = RequestDetail['actions'][number];

/** The step's extra fields: analyst for 지정, bureau for 협조, result for 완료; a comment for every step. */
function ActionForm({ request, action, onDone }: { request: RequestDetail; action: Action; onDone(): void }) {
  const t = usePortalT();
  const lt = useLibT();
  const [comment, setComment] = useState('');
  const [analystId, setAnalystId] = useState('');
  const [department, setDepartment] = useState('');
  const [resultKind, setResultKind] = useState<'pipeline' | 'template' | 'dashboard'>('pipeline');
  const [resultId, setResultId] = useState('');
  const [error, setError] = useState<string>();
  const analysts = useLoad(
    () =>
      action === 'assign' ? data<Analysts>(api.requests.analysts.$get()) : Promise.resolve<Analysts>({ items: [] }),
    `analysts/${action}`,
  );
  const submit = async () => {
    try {
      await data(
        api.requests[':id'].actions.$post({
          param: { id: request.id },
          json: {
            action,
            comment,
            ...(action === 'assign' ? { analystId } : {}),
            ...(action === 'cooperate' ? { department } : {}),
            ...(action === 'complete' ? { result: { kind: resultKind, id: resultId.trim() } } : {}),
          },
        }),
      );
      onDone();
    } catch (e) {
      setError(errorText(lt, e));
    }
  };
  return (
    <div className="lib-card req-action" data-testid={`request-form-${action}`}>
      {action === 'assign' && (
        <label className="lib-field">
          <span>{t('req.pickAnalyst')}</span>
          <select value={analystId} onChange={(e) => setAnalystId(e.target.value)} name="analystId">
            <option value="" />
            {analysts.value?.items.map((a) => (
              <option key={a.id} value={a.id}>
                {a.displayName} {a.department ? `(${a.department})` : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      {action === 'cooperate' && (
        <label className="lib-field">
          <span>{t('req.cooperationDept')}</span>
          <input value={department} onChange={(e) => setDepartment(e.target.value)} name="department" />
        </label>
      )}
      {action === 'complete' && (
        <>
          <label className="lib-field">
            <span>{t('req.resultKind')}</span>
            <select value={resultKind} onChange={(e) => setResultKind(e.target.value as typeof resultKind)}>
              <option value="pipeline">{t('req.kind.pipeline')}</option>
              <option value="template">{t('req.kind.template')}</option>
              <option value="dashboard">{t('req.kind.dashboard')}</option>
            </select>
          </label>
          <label className="lib-field">
            <span>{t('req.resultId')}</span>
            <input value={resultId} onChange={(e) => setResultId(e.target.value)} name="resultId" />
          </label>
        </>
      )}
      <label className="lib-field">
        <span>{t('req.comment')}</span>
        <textarea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} name="comment" />
      </label>
      {error && <p className="lib-error">{error}</p>}
      <button type="button" className="primary" onClick={() => void submit()}>
        {t(`req.action.${action}` as PortalKey)}
      </button>
    </div>
  );
}

/** One request: its fields, the steps the viewer may take now, and the timeline of every step and comment. */
export function RequestDetailPage({ id }: { id: string }) {
  const t = usePortalT();
  const lt = useLibT();
  const [lang] = useLang();
  const detail = useLoad(() => data<RequestDetail>(api.requests[':id'].$get({ param: { id } })), `request/${id}`);
  const open = useOpener();
  const [action, setAction] = useState<Action>();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();
  const r = detail.value;
  const addComment = async () => {
    try {
      await data(api.requests[':id'].comments.$post({ param: { id }, json: { comment } }));
      setComment('');
      detail.reload();
    } catch (e) {
      setError(errorText(lt, e));
    }
  };
  if (detail.error) return <p className="lib-error">{detail.error}</p>;
  if (!r) return null;
  const resultHref = r.result?.kind === 'template' ? `#/templates/${r.result.id}` : `#/dashboards/${r.result?.id}`;
  return (
    <section className="lib-page lib-detail" data-testid="request-detail">
      <div className="lib-row">
        <h2>{r.title}</h2>
        <RequestState state={r.state} />
        <span className="lib-grow" />
        <a href="#/requests">{t('req.title')}</a>
      </div>
      <dl className="req-fields">
        <dt>{t('req.requester')}</dt>
        <dd>
          {r.requester.displayName} {r.department ? `(${r.department})` : ''}
        </dd>
        <dt>{t('req.field.purpose')}</dt>
        <dd>{r.purpose || '–'}</dd>
        <dt>{t('req.field.content')}</dt>
        <dd>{r.content || '–'}</dd>
        <dt>{t('req.field.dataWanted')}</dt>
        <dd>{r.dataWanted || '–'}</dd>
        <dt>{t('req.due')}</dt>
        <dd>{r.dueDate ?? '–'}</dd>
        <dt>{t('req.field.attachments')}</dt>
        <dd>
          {r.attachments.length === 0
            ? '–'
            : r.attachments.map((a) =>
                a.kind === 'link' ? (
                  <a key={a.url} href={a.url} target="_blank" rel="noreferrer noopener">
                    {a.label || a.url}
                  </a>
                ) : a.kind === 'file' ? (
                  <a key={a.fileId} href={`/api/requests/${r.id}/files/${a.fileId}`} download={a.name}>
                    {a.name} ({formatBytes(a.size)})
                  </a>
                ) : (
                  <a key={a.datasetId} href="#/datasets">
                    {a.name}
                  </a>
                ),
              )}
        </dd>
        {r.cooperationDepartment && (
          <>
            <dt>{t('req.cooperation')}</dt>
            <dd>{r.cooperationDepartment}</dd>
          </>
        )}
        <dt>{t('req.analyst')}</dt>
        <dd>{r.analyst?.displayName ?? '–'}</dd>
        {r.result && (
          <>
            <dt>{t('req.result')}</dt>
            <dd>
              {r.result.kind === 'pipeline' ? (
                <button type="button" className="link" onClick={() => void open('pipeline', r.result!.id)}>
                  {t('req.kind.pipeline')} {t('req.open')}
                </button>
              ) : (
                <a href={resultHref}>
                  {t(`req.kind.${r.result.kind}` as PortalKey)} {t('req.open')}
                </a>
              )}
            </dd>
          </>
        )}
      </dl>
      {r.actions.length > 0 && (
        <div className="lib-row req-actions">
          {r.actions.map((a) => (
            <button
              type="button"
              key={a}
              className={action === a ? 'active' : ''}
              onClick={() => setAction(action === a ? undefined : a)}
              data-action={a}
            >
              {t(`req.action.${a}` as PortalKey)}
            </button>
          ))}
        </div>
      )}
      {action && (
        <ActionForm
          key={action}
          request={r}
          action={action}
          onDone={() => {
            setAction(undefined);
            detail.reload();
          }}
        />
      )}
      <h3>{t('req.history')}</h3>
      <ol className="req-timeline" data-testid="request-timeline">
        {r.history.map((h) => (
          <li key={h.id} data-action={h.action}>
            <span className="req-when">{new Date(h.at).toLocaleString()}</span>
            <b>{REQUEST_ACTION_LABELS[h.action as keyof typeof REQUEST_ACTION_LABELS]?.[lang] ?? h.action}</b>
            <span>{h.actor.displayName}</span>
            {h.action !== 'comment' && h.fromState !== h.toState && (
              <RequestState state={h.toState as RequestDetail['state']} />
            )}
            {h.comment && <p className="req-comment">{h.comment}</p>}
          </li>
        ))}
      </ol>
      <div className="lib-row">
        <input
          className="lib-grow"
          value={comment}
          placeholder={t('req.addComment')}
          aria-label={t('req.addComment')}
          onChange={(e) => setComment(e.target.value)}
        />
        <button type="button" disabled={!comment.trim()} onClick={() => void addComment()}>
          {t('req.addComment')}
        </button>
      </div>
      {error && <p className="lib-error">{error}</p>}
    </section>
  );
}
