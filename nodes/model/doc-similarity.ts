import { z } from 'zod';
import type { Engine } from '../../runtime/engine/engine.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Column } from '../../runtime/schema/types.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { Bm25Index, type SparseVector } from '../../runtime/text/bm25.ts';
import { matchedPhrases, normalizeText, words as wordsOf } from '../../runtime/text/char-ngrams.ts';
import { nearestNeighbours, sphericalKMeans } from '../../runtime/text/doc-graph.ts';
import { canonicalIdentifier, extractIdentifiers, type IdentifierKind } from '../../runtime/text/identifiers.ts';
import { breather } from '../_shared/breather.ts';
import { OUT } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';
import { type Doc, docWordSets, groupKeywords, readDocs } from './_doc-text.ts';
import { requireColumns } from './_model-io.ts';

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

const KIND_KO: Record<IdentifierKind, string> = {
  business_no: '사업자등록번호',
  declaration_no: '신고번호',
  bl_no: 'B/L 번호',
  hs_code: 'HS 부호',
};

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

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * A document's distinct words as `matchedPhrases` cuts them (first-appearance order) and, for each 2–4-character
 * n-gram of those words (space-marked at their edges, as the index cuts them), the words it is in. Built once per
 * document, so the phrases of each of its k pairs are looked for in the few words that hold a shared n-gram, not in
 * the whole text (10,000 pairs of 3,000-character documents: 15 s before).
 */
interface WordIndex {
  words: string[];
  byNgram: Map<string, number[]>;
}

function wordIndex(text: string): WordIndex {
  const distinct = [...new Set(wordsOf(normalizeText(text)))];
  const byNgram = new Map<string, number[]>();
  distinct.forEach((w, i) => {
    const piece = ` ${w} `;
    // Cut by code point like matchedPhrases; plain substrings when the word has no character outside the BMP.
    const chars = /[\uD800-\uDFFF]/u.test(piece) ? Array.from(piece) : null;
    const length = chars ? chars.length : piece.length;
    for (let n = 2; n <= 4; n++)
      for (let at = 0; at + n <= length; at++) {
        const g = chars ? chars.slice(at, at + n).join('') : piece.substring(at, at + n);
        const list = byNgram.get(g);
        if (!list) byNgram.set(g, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
  });
  return { words: distinct, byNgram };
}

/** How many of the heaviest shared n-grams make the phrases. */
const SHARED_NGRAMS = 40;

/** The n-grams two documents share, heaviest first, as the phrases of the first document they cover. */
function sharedPhrases(a: SparseVector, b: SparseVector, index: Bm25Index, text: WordIndex): string {
  const ids: number[] = [];
  const products: number[] = [];
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length; ) {
    if (a.ids[i] === b.ids[j]) {
      ids.push(a.ids[i]!);
      products.push(a.weights[i++]! * b.weights[j++]!);
    } else if (a.ids[i]! < b.ids[j]!) i++;
    else j++;
  }
  // The SHARED_NGRAMS heaviest, ties by lower id: above the cut-off weight, then at it while room is left.
  const cut = Float64Array.from(products).sort()[Math.max(0, products.length - SHARED_NGRAMS)] ?? 0;
  const top = new Set<string>();
  products.forEach((w, k) => {
    if (w > cut) top.add(index.ngramOf(ids[k]!));
  });
  products.forEach((w, k) => {
    if (w === cut && top.size < SHARED_NGRAMS) top.add(index.ngramOf(ids[k]!));
  });
  // Words without a shared n-gram yield no phrase: matching only the others gives the same phrases, in the same order.
  const holding = new Set<number>();
  for (const g of top) for (const w of text.byNgram.get(g) ?? []) holding.add(w);
  const some = [...holding].sort((x, y) => x - y).map((w) => text.words[w]!);
  return matchedPhrases(some.join(' '), top, { limit: 5, minLength: 2 }).join(', ');
}

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
    const rows = await compute(engine, docs, p, inputs.declarations?.[0], signal, progress);
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

async function compute(
  engine: Engine,
  docs: Doc[],
  p: Params,
  declRel: string | undefined,
  signal: AbortSignal | undefined,
  progress: (f: number) => void,
): Promise<unknown[][]> {
  if (p.output === 'entities') return entities(engine, docs, p, declRel, signal);
  // Amounts, dates and case numbers make unrelated documents look alike; identifiers link through `entities`.
  const plain = docs.map((d) => {
    const text = d.text.slice(0, p.maxChars);
    return { id: d.id, text: p.numbers ? text : text.replace(/\p{N}+/gu, ' ') };
  });
  const index = Bm25Index.build(plain);
  progress(0.4);
  if (p.output === 'search') {
    if (p.query.trim() === '') return [];
    return index.query(p.query, p.k).map((h, r) => {
      const text = docs[h.index]!.text;
      const phrases = matchedPhrases(text, new Set(h.matched), { limit: 5 });
      const at = Math.max(0, text.indexOf(phrases[0] ?? ''));
      return [r + 1, h.id, round(h.score), phrases.join(', '), text.slice(Math.max(0, at - 40), at + 160)];
    });
  }
  const vectors = docs.map((_, i) => index.documentVector(i));
  if (p.output === 'clusters') {
    const k = p.clusters || Math.max(2, Math.round(Math.sqrt(docs.length / 2)));
    const { assignment, similarity } = await sphericalKMeans(vectors, k, p.seed, breather(signal));
    progress(0.7);
    const words = docWordSets(docs);
    // Clusters numbered by size, largest first, so cluster 1 is the main body of the documents.
    const members = new Map<number, number[]>();
    assignment.forEach((c, d) => {
      members.set(c, [...(members.get(c) ?? []), d]);
    });
    const order = [...members].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
    // The most similar other document beside each, so one run answers "which group, and like which one".
    const nearest = await nearestNeighbours(vectors, 1, 0, breather(signal));
    const out: unknown[][] = [];
    order.forEach(([, m], rank) => {
      const keywords = groupKeywords(m, words).join(', ');
      for (const d of m) {
        const nb = nearest[d]![0];
        out.push([
          docs[d]!.id,
          rank + 1,
          m.length,
          keywords,
          round(similarity[d]!),
          nb ? docs[nb.index]!.id : null,
          nb ? round(nb.score) : null,
        ]);
      }
    });
    return out;
  }
  const breathe = breather(signal);
  const neighbours = await nearestNeighbours(vectors, p.k, p.output === 'edges' ? p.minScore : 0, breathe);
  progress(0.8);
  // The phrases are looked for in the first few thousand characters: enough to show why, cheap on long texts.
  const wordIndexes = new Map<number, WordIndex>();
  const phrases = (a: number, b: number) => {
    const text = wordIndexes.get(a) ?? wordIndex(plain[a]!.text.slice(0, 4000));
    wordIndexes.set(a, text);
    return sharedPhrases(vectors[a]!, vectors[b]!, index, text);
  };
  const out: unknown[][] = [];
  if (p.output === 'neighbours') {
    for (let d = 0; d < neighbours.length; d++) {
      await breathe();
      neighbours[d]!.forEach((nb, r) => {
        out.push([docs[d]!.id, r + 1, docs[nb.index]!.id, round(nb.score), phrases(d, nb.index)]);
      });
    }
    return out;
  }
  // Edges: each similar pair once (k-nearest, above the minimum), then pairs that share an identifier.
  const seen = new Set<string>();
  for (let d = 0; d < neighbours.length; d++) {
    await breathe();
    for (const nb of neighbours[d]!) {
      const [a, b] = d < nb.index ? [d, nb.index] : [nb.index, d];
      if (seen.has(`${a}:${b}`)) continue;
      seen.add(`${a}:${b}`);
      out.push([docs[a]!.id, docs[b]!.id, round(nb.score), '유사도', phrases(a, b)]);
    }
  }
  const byValue = new Map<string, number[]>();
  docs.forEach((doc, d) => {
    for (const id of extractIdentifiers(doc.text)) {
      if (id.kind === 'hs_code' && id.value.length < 6) continue; // a heading (4 digits) is too broad a link
      const key = `${KIND_KO[id.kind]} ${id.value}`;
      byValue.set(key, [...(byValue.get(key) ?? []), d]);
    }
  });
  for (const [key, ds] of byValue) {
    if (ds.length < 2 || ds.length > 50) continue; // one document links nothing; a number in every document says nothing
    for (let i = 0; i < ds.length; i++)
      for (let j = i + 1; j < ds.length; j++) out.push([docs[ds[i]!]!.id, docs[ds[j]!]!.id, 1, '같은 식별자', key]);
  }
  return out;
}

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
