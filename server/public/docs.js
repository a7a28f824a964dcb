// The API reference page: reads /api/openapi.json and lists every operation by tag. Plain DOM, no
// dependencies and no CDN; text goes through textContent only, so nothing in the document is run as HTML.
const SPEC_URL = '/api/openapi.json';

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) node.setAttribute(k, v);
  for (const child of children) {
    if (child == null) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

function resolve(spec, schema, seen = new Set()) {
  if (!schema || typeof schema !== 'object') return schema;
  if (Array.isArray(schema)) return schema.map((s) => resolve(spec, s, seen));
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.split('/').pop();
    if (seen.has(name)) return { $ref: name };
    const target = spec.components?.schemas?.[name];
    return { title: name, ...resolve(spec, target, new Set([...seen, name])) };
  }
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, resolve(spec, v, seen)]));
}

function schemaBlock(spec, content) {
  const media = content?.['application/json'];
  if (!media?.schema) return null;
  return el('pre', {}, JSON.stringify(resolve(spec, media.schema), null, 2));
}

function parameters(op) {
  if (!op.parameters?.length) return null;
  const rows = op.parameters.map((p) =>
    el(
      'tr',
      {},
      el('td', {}, el('code', {}, p.name)),
      el('td', {}, p.in),
      el('td', {}, p.required ? 'required' : 'optional'),
      el('td', {}, p.schema?.type ?? ''),
      el('td', {}, p.description ?? p.schema?.description ?? ''),
    ),
  );
  return [el('h3', {}, 'Parameters'), el('table', {}, ...rows)];
}

function operation(spec, path, method, op) {
  const body = el('div', { class: 'body' });
  if (op.description) body.append(el('p', {}, op.description));
  body.append(...(parameters(op) ?? []));
  const request = schemaBlock(spec, op.requestBody?.content);
  if (request) body.append(el('h3', {}, 'Request body'), request);
  body.append(el('h3', {}, 'Responses'));
  for (const [status, res] of Object.entries(op.responses ?? {})) {
    body.append(el('p', {}, el('span', { class: 'status' }, status), ' ', res.description ?? ''));
    const block = schemaBlock(spec, res.content);
    if (block) body.append(block);
  }
  const summary = el(
    'summary',
    {},
    el('span', { class: `method ${method}` }, method),
    el('span', { class: 'path' }, path),
    el('span', { class: 'summary' }, op.summary ?? ''),
  );
  const details = el('details', { class: 'op' }, summary, body);
  details.dataset.search = `${method} ${path} ${op.summary ?? ''}`.toLowerCase();
  return details;
}

function render(spec) {
  document.title = `${spec.info.title} — API`;
  document.querySelector('#title').textContent = `${spec.info.title} API ${spec.info.version}`;
  const main = document.querySelector('main');
  main.replaceChildren();
  if (spec.info.description) main.append(el('p', {}, spec.info.description));
  const groups = new Map();
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = op.tags?.[0] ?? 'other';
      if (!groups.has(tag)) groups.set(tag, []);
      groups.get(tag).push(operation(spec, path, method, op));
    }
  }
  const order = (spec.tags ?? []).map((t) => t.name);
  const rank = (tag) => (order.includes(tag) ? order.indexOf(tag) : order.length);
  const sorted = [...groups].sort(([a], [b]) => rank(a) - rank(b));
  for (const [tag, ops] of sorted) main.append(el('section', {}, el('h2', {}, tag), ...ops));
}

function filter(text) {
  const needle = text.trim().toLowerCase();
  for (const op of document.querySelectorAll('details.op')) op.hidden = !op.dataset.search.includes(needle);
  for (const section of document.querySelectorAll('section')) {
    section.hidden = [...section.querySelectorAll('details.op')].every((op) => op.hidden);
  }
}

document.querySelector('#filter').addEventListener('input', (e) => filter(e.target.value));
fetch(SPEC_URL)
  .then((res) => (res.ok ? res.json() : Promise.reject(new Error(`${SPEC_URL}: HTTP ${res.status}`))))
  .then(render)
  .catch((e) => document.querySelector('main').replaceChildren(el('p', { class: 'error' }, String(e))));
