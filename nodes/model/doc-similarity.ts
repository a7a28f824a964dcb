import { z } from 'zod';
import { offload } from '../../runtime/compute/offload.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Column } from '../../runtime/schema/types.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { canonicalIdentifier, extractIdentifiers } from '../../runtime/text/identifiers.ts';
import { OUT } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';
import { KIND_KO, similarityRows } from './_doc-similarity-compute.ts';
import { type Doc, readDocs } from './_doc-text.ts';
import { requireColumns } from './_model-io.ts';
import { DOC_SIMILARITY } from './_offloaded-tasks.ts';

const params = z
  .object({
    id: z
      .string()
      .min(1)
      .optional()
      .meta({
        label: { ko: '문서 번호 열 (선택)', en: 'Document id column (optional)' },
        help: { ko: '비우면 행 번호', en: 'empty = row number' },
        widget: 'column',
        columnOf: 'docs',
      }),
    text: z
      .array(z.string().min(1))
      .min(1)
      .meta({
        label: { ko: '본문 열', en: 'Text columns' },
        help: { ko: '여러 열을 고르면 이어 붙여 한 문서로 봅니다', en: 'several columns are joined into one text' },
        widget: 'columns',
        columnOf: 'docs',
      }),
    output: z
      .enum(['neighbours', 'edges', 'clusters', 'entities', 'search'])
      .default('neighbours')
      .meta({ label: { ko: '출력', en: 'Output' }, widget: 'select' }),
    k: z
      .number()
      .int()
      .min(1)
      .max(50)
      .default(5)
      .meta({ label: { ko: '문서마다 비슷한 문서 수', en: 'Similar documents per document' }, widget: 'number' }),
    minScore: z
      .number()
      .min(0)
      .max(1)
      .default(0.2)
      .meta({
        label: { ko: '최소 유사도 (0~1)', en: 'Minimum similarity (0–1)' },
        help: {
          ko: '코사인 유사도가 이 값보다 낮은 쌍은 연결하지 않습니다',
          en: 'pairs below this cosine are not linked',
        },
        widget: 'number',
      }),
    clusters: z
      .number()
      .int()
      .min(0)
      .max(100)
      .default(0)
      .meta({
        label: { ko: '군집 수', en: 'Clusters' },
        help: { ko: '0 이면 √(문서 수 / 2)', en: '0 = √(documents / 2)' },
        widget: 'number',
      }),
    maxChars: z
      .number()
      .int()
      .min(100)
      .max(30_000)
      .default(3000)
      .meta({
        label: { ko: '문서마다 비교할 글자 수', en: 'Characters compared per document' },
        help: {
          ko: '긴 문서는 앞부분(청구취지·주문·이유의 시작)만 비교합니다. 식별자는 문서 전체에서 찾습니다',
          en: 'long documents are compared on their beginning; identifiers are found in the whole text',
        },
        widget: 'number',
      }),
    numbers: z
      .boolean()
      .default(false)
      .meta({
        label: { ko: '숫자도 비교', en: 'Compare numbers too' },
        help: {
          ko: '끄면 금액·날짜·번호를 빼고 글만 비교합니다 (번호는 식별자 추출·연결망에서 따로 연결)',
          en: 'off: amounts, dates and numbers are left out of the similarity (identifiers link separately)',
        },
      }),
    query: z
      .string()
      .default('')
      .meta({
        label: { ko: '찾을 글 (검색)', en: 'Search text' },
        help: {
          ko: '출력이 ‘검색’일 때 이 글과 비슷한 문서를 찾습니다',
          en: 'with output “search”: documents like this text',
        },
      }),
    declMatch: z
      .array(z.string().min(1))
      .default([])
      .meta({
        label: { ko: '신고와 맞춰 볼 열', en: 'Declaration columns to match' },
        help: {
          ko: '문서의 사업자번호·신고번호·B/L·HS 부호를 이 열들의 값과 맞춥니다 (예: 신고번호, 사업자번호, HS10)',
          en: 'identifiers found in the texts are matched against these columns (e.g. declaration no., business no., HS10)',
        },
        widget: 'columns',
        columnOf: 'declarations',
      }),
    declId: z
      .string()
      .min(1)
      .optional()
      .meta({ label: { ko: '신고번호 열', en: 'Declaration id column' }, widget: 'column', columnOf: 'declarations' }),
    seed: z
      .number()
      .int()
      .default(42)
      .meta({ label: { ko: '난수 시드', en: 'Random seed' }, widget: 'number' }),
  })
  .strict();

type Params = z.infer<typeof params>;

const COLUMNS: Record<Params['output'], Column[]> = {
  neighbours: [
    { name: 'doc_id', type: 'VARCHAR' },
    { name: 'rank', type: 'INTEGER' },
    { name: 'similar_id', type: 'VARCHAR' },
    { name: 'score', type: 'DOUBLE' },
    { name: 'shared_terms', type: 'VARCHAR' },
  ],
  edges: [
    { name: 'source', type: 'VARCHAR' },
    { name: 'target', type: 'VARCHAR' },
    { name: 'score', type: 'DOUBLE' },
    { name: 'link', type: 'VARCHAR' },
    { name: 'shared', type: 'VARCHAR' },
  ],
  clusters: [
    { name: 'doc_id', type: 'VARCHAR' },
    { name: 'cluster', type: 'INTEGER' },
    { name: 'cluster_size', type: 'INTEGER' },
    { name: 'cluster_keywords', type: 'VARCHAR' },
    { name: 'centrality', type: 'DOUBLE' },
    { name: 'nearest_id', type: 'VARCHAR' },
    { name: 'nearest_score', type: 'DOUBLE' },
  ],
  entities: [
    { name: 'doc_id', type: 'VARCHAR' },
    { name: 'kind', type: 'VARCHAR' },
    { name: 'value', type: 'VARCHAR' },
    { name: 'as_written', type: 'VARCHAR' },
    { name: 'other_docs', type: 'INTEGER' },
    { name: 'declarations', type: 'INTEGER' },
    { name: 'declaration_ids', type: 'VARCHAR' },
  ],
  search: [
    { name: 'rank', type: 'INTEGER' },
    { name: 'doc_id', type: 'VARCHAR' },
    { name: 'score', type: 'DOUBLE' },
    { name: 'matched', type: 'VARCHAR' },
    { name: 'snippet', type: 'VARCHAR' },
  ],
};

export const docSimilarity = defineNode({
  type: 'model.doc_similarity',
  version: 1,
  kind: 'compute',
  category: 'model',
  label: { ko: '비정형 문서 연관 분석', en: 'Document association' },
  description: {
    ko: '판례·결정례·보고서·송품장 같은 문서를 글자 2~4-gram TF-IDF 벡터로 바꿔 비슷한 문서, 유사도 연결망, 군집과 핵심어를 냅니다. 사업자등록번호·신고번호·B/L·HS 부호를 뽑아 같은 번호가 나오는 문서끼리, 그리고 수입신고와 연결합니다.',
    en: 'Turns documents (judgments, rulings, reports, invoices) into character 2–4-gram TF-IDF vectors: similar documents, a similarity graph, clusters with keywords; extracts business, declaration, B/L numbers and HS codes to link documents to each other and to declarations.',
  },
  inputs: [
    { name: 'docs', label: { ko: '문서', en: 'Documents' } },
    { name: 'declarations', label: { ko: '수입신고 (선택)', en: 'Declarations (optional)' }, optional: true },
  ],
  outputs: [OUT],
  params,
  outputSchema: ({ params: p, inputs }) => {
    const docs = inputs.docs?.[0];
    if (docs) requireColumns(docs, [...(p.id ? [p.id] : []), ...p.text], 'text', 'docs');
    const decl = inputs.declarations?.[0];
    if (decl) requireColumns(decl, [...p.declMatch, ...(p.declId ? [p.declId] : [])], 'declMatch', 'declarations');
    return COLUMNS[p.output];
  },
  run: async ({ engine, inputs, params: p, tableName, signal, progress }) => {
    const rel = inputs.docs?.[0];
    if (!rel)
      throw new ParamError(
        'connect the documents',
        'text',
        msg('node.model_connect', { what: { ko: '문서', en: 'the documents' } }),
      );
    const { docs, cut } = await readDocs(engine, rel, p.id, p.text, setting(params, 'text'), signal);
    progress(0.1);
    const rows =
      p.output === 'entities'
        ? await entities(engine, docs, p, inputs.declarations?.[0], signal)
        : await offload(DOC_SIMILARITY, { docs, p }, { signal, progress }, similarityRows);
    const cols = COLUMNS[p.output];
    await engine.createTable(
      tableName,
      cols,
      cols.map((_, j) => rows.map((r) => r[j] ?? null)),
    );
    const warnings = [{ message: `문서 ${docs.length}건 · ${docs.length} documents` }];
    if (cut)
      warnings.push({
        message: `아주 긴 문서 ${cut}건은 앞 30,000자만 읽었습니다 · ${cut} very long document(s) read up to 30,000 characters`,
      });
    return { warnings };
  },
});

async function entities(
  engine: Engine,
  docs: Doc[],
  p: Params,
  declRel: string | undefined,
  signal?: AbortSignal,
): Promise<unknown[][]> {
  const found = docs.map((d) => extractIdentifiers(d.text));
  const docsWith = new Map<string, number>();
  for (const ids of found)
    for (const id of ids) docsWith.set(`${id.kind}:${id.value}`, (docsWith.get(`${id.kind}:${id.value}`) ?? 0) + 1);
  // Declarations by every canonical form of the chosen columns' values (HS codes also by their 4/6/8-digit heads).
  const decl = new Map<string, string[]>();
  if (declRel && p.declMatch.length) {
    const idExpr = p.declId ? `CAST(${ident(p.declId)} AS VARCHAR)` : 'CAST(row_number() OVER () AS VARCHAR)';
    const r = await engine.query(
      `SELECT ${idExpr} AS __id, ${p.declMatch.map((c, i) => `CAST(${ident(c)} AS VARCHAR) AS c${i}`).join(', ')} FROM ${declRel}`,
      { signal },
    );
    const add = (key: string, id: string) => {
      const list = decl.get(key) ?? [];
      if (list.length < 1000) list.push(id);
      decl.set(key, list);
    };
    for (const row of r.rows) {
      const id = String(row.__id);
      p.declMatch.forEach((_, i) => {
        const v = row[`c${i}`];
        if (v == null) return;
        const s = String(v);
        const digits = canonicalIdentifier('business_no', s);
        const upper = canonicalIdentifier('bl_no', s);
        add(`d:${digits}`, id);
        if (upper !== digits) add(`u:${upper}`, id);
        if (/^\d{6,10}$/.test(s)) for (const n of [4, 6, 8]) if (s.length > n) add(`h:${s.slice(0, n)}`, id);
      });
    }
  }
  const out: unknown[][] = [];
  found.forEach((ids, d) => {
    for (const id of ids) {
      let linked: string[] = [];
      if (decl.size) {
        const keys =
          id.kind === 'hs_code'
            ? [`d:${id.value}`, `h:${id.value}`]
            : id.kind === 'business_no'
              ? [`d:${id.value}`]
              : [`u:${id.value}`, `d:${id.value}`];
        linked = [...new Set(keys.flatMap((k) => decl.get(k) ?? []))];
      }
      out.push([
        docs[d]!.id,
        KIND_KO[id.kind],
        id.value,
        id.raw,
        (docsWith.get(`${id.kind}:${id.value}`) ?? 1) - 1,
        declRel ? linked.length : null,
        linked.length ? linked.slice(0, 5).join(', ') : null,
      ]);
    }
  });
  return out;
}
