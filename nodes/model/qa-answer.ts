import { z } from 'zod';
import type { Engine } from '../../runtime/engine/engine.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Column } from '../../runtime/schema/types.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { type KnowledgeEntry, QaIndex } from '../../runtime/text/qa-retrieval.ts';
import { OUT } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';
import { MAX_DOC_CHARS } from './_doc-text.ts';
import { requireColumns } from './_model-io.ts';

const col = (port: string, ko: string, en: string) =>
  z.string().min(1).meta({ label: { ko, en }, widget: 'column', columnOf: port });

const params = z
  .object({
    question: col('questions', '질문 열', 'Question column'),
    kbQuestion: col('knowledge', '자료의 질문·제목 열 (선택)', 'Knowledge question or title (optional)').optional(),
    kbAnswer: col('knowledge', '자료의 답변·본문 열', 'Knowledge answer or text'),
    kbSource: col('knowledge', '출처 열 (선택, 예: 상담·결정례·판례)', 'Source column (optional)').optional(),
    kbDate: col('knowledge', '날짜 열 (선택)', 'Date column (optional)').optional(),
    kbId: col('knowledge', '자료 번호 열 (선택)', 'Knowledge id column (optional)').optional(),
    k: z
      .number()
      .int()
      .min(1)
      .max(20)
      .default(3)
      .meta({ label: { ko: '질문마다 답변 수', en: 'Answers per question' }, widget: 'number' }),
    threshold: z
      .number()
      .min(0)
      .max(1)
      .default(0.25)
      .meta({
        label: { ko: '답변 기준 (0~1)', en: 'Answer threshold (0–1)' },
        help: {
          ko: '질문의 글자 조각 중 가장 비슷한 자료에서 찾은 비율(희귀한 조각일수록 무겁게)이 이 값보다 낮으면 “모르겠습니다”라고 답합니다',
          en: 'below this share of the question found in the best entry (rare pieces weigh more), the answer is “I do not know”',
        },
        widget: 'number',
      }),
  })
  .strict();

type Params = z.infer<typeof params>;

export const QA_COLUMNS: Column[] = [
  { name: 'rank', type: 'INTEGER' },
  { name: 'answered', type: 'BOOLEAN' },
  { name: 'answer', type: 'VARCHAR' },
  { name: 'source', type: 'VARCHAR' },
  { name: 'source_id', type: 'VARCHAR' },
  { name: 'source_date', type: 'VARCHAR' },
  { name: 'past_question', type: 'VARCHAR' },
  { name: 'score', type: 'DOUBLE' },
  { name: 'bm25', type: 'DOUBLE' },
  { name: 'matched', type: 'VARCHAR' },
];

export const DONT_KNOW =
  '모르겠습니다. 비슷한 과거 상담·결정례·판례를 찾지 못했습니다. 담당 부서에 문의하세요. (I do not know.)';

const round = (x: number) => Math.round(x * 1000) / 1000;

async function readKnowledge(engine: Engine, rel: string, p: Params, signal?: AbortSignal): Promise<KnowledgeEntry[]> {
  const text = (c: string | undefined) => (c ? `CAST(${ident(c)} AS VARCHAR)` : 'NULL');
  const r = await engine.query(
    `SELECT ${text(p.kbId)} AS id, ${text(p.kbQuestion)} AS q, ${text(p.kbAnswer)} AS a, ${text(p.kbSource)} AS s,
            ${p.kbDate ? `CAST(${ident(p.kbDate)} AS VARCHAR)` : 'NULL'} AS d FROM ${rel}`,
    { signal },
  );
  return r.rows
    .map((row, i) => ({
      id: row.id == null ? String(i + 1) : String(row.id),
      question: String(row.q ?? '').slice(0, MAX_DOC_CHARS),
      answer: String(row.a ?? '').slice(0, MAX_DOC_CHARS),
      source: row.s == null ? undefined : String(row.s),
      date: row.d == null ? undefined : String(row.d).slice(0, 10),
    }))
    .filter((e) => /\p{L}/u.test(e.question + e.answer));
}

export const qaAnswer = defineNode({
  type: 'model.qa_answer',
  version: 1,
  kind: 'compute',
  category: 'model',
  label: { ko: '상담 챗봇 (질문 답변)', en: 'Consultation answers (chatbot)' },
  description: {
    ko: '질문 표의 각 질문에 과거 상담 Q&A·품목분류 결정례·판례에서 가장 비슷한 답변을 찾아 출처, 날짜, 점수와 함께 냅니다 (글자 2~4-gram BM25 검색). 질문이 자료에서 충분히 찾아지지 않으면 “모르겠습니다”라고 답합니다.',
    en: 'Answers each question of a table from past consultation Q&A, classification rulings and judgments (character 2–4-gram BM25 retrieval), with source, date and score; says “I do not know” when too little of the question is found.',
  },
  inputs: [
    { name: 'questions', label: { ko: '질문', en: 'Questions' } },
    {
      name: 'knowledge',
      label: { ko: '답변 자료 (상담·결정례·판례)', en: 'Knowledge (consultations, rulings, judgments)' },
    },
  ],
  outputs: [OUT],
  params,
  outputSchema: ({ params: p, inputs }) => {
    const kb = inputs.knowledge?.[0];
    if (kb) {
      const cols = [p.kbQuestion, p.kbAnswer, p.kbSource, p.kbDate, p.kbId].filter((c): c is string => !!c);
      requireColumns(kb, cols, 'kbAnswer', 'knowledge');
    }
    const q = inputs.questions?.[0];
    if (!q) return null;
    requireColumns(q, [p.question], 'question', 'questions');
    const added = new Set(QA_COLUMNS.map((c) => c.name));
    return [...q.filter((c) => !added.has(c.name)), ...QA_COLUMNS];
  },
  run: async ({ engine, inputs, schemas, params: p, tableName, signal, progress }) => {
    const qRel = inputs.questions?.[0];
    const kbRel = inputs.knowledge?.[0];
    if (!qRel || !kbRel)
      throw new ParamError(
        'connect the questions and the knowledge table',
        !qRel ? 'question' : 'kbAnswer',
        msg('node.model_connect', {
          what: !qRel ? { ko: '질문 표', en: 'the questions' } : { ko: '답변 자료', en: 'the knowledge table' },
        }),
      );
    const entries = await readKnowledge(engine, kbRel, p, signal);
    if (entries.length === 0)
      throw new ParamError(
        'the knowledge table has no text',
        'kbAnswer',
        msg('node.qa_no_knowledge', { field: setting(params, 'kbAnswer') }),
      );
    const qa = QaIndex.build(entries);
    progress(0.4);
    const numbered = `${tableName}__q`;
    await engine.exec(
      `CREATE OR REPLACE TABLE ${ident(numbered)} AS SELECT row_number() OVER () AS __rid, * FROM ${qRel}`,
      { signal },
    );
    const qs = await engine.query(
      `SELECT __rid, CAST(${ident(p.question)} AS VARCHAR) AS q FROM ${ident(numbered)} ORDER BY __rid`,
      { signal },
    );
    const rows: unknown[][] = [];
    let answered = 0;
    for (const row of qs.rows) {
      const question = String(row.q ?? '').slice(0, 2000);
      const result = question.trim() ? qa.answer(question, { k: p.k, threshold: p.threshold }) : null;
      if (!result?.answered) {
        const top = result?.hits[0];
        rows.push([row.__rid, 1, false, DONT_KNOW, null, null, null, null, top ? round(top.score) : 0, null, null]);
        continue;
      }
      answered++;
      result.hits.forEach((h, r) => {
        rows.push([
          row.__rid,
          r + 1,
          true,
          h.entry.answer,
          h.entry.source ?? null,
          h.entry.id,
          h.entry.date ?? null,
          h.entry.question || null,
          round(h.score),
          round(h.bm25),
          h.matched.join(', '),
        ]);
      });
    }
    progress(0.9);
    const results = `${tableName}__a`;
    const cols: Column[] = [{ name: '__rid', type: 'BIGINT' }, ...QA_COLUMNS];
    await engine.createTable(
      results,
      cols,
      cols.map((_, j) => rows.map((r) => r[j] ?? null)),
    );
    const inputNames = (schemas.questions?.[0] ?? []).map((c) => c.name);
    const replaced = QA_COLUMNS.filter((c) => inputNames.includes(c.name)).map((c) => `, ${ident(c.name)}`);
    await engine.exec(
      `CREATE OR REPLACE TABLE ${ident(tableName)} AS
       SELECT q.* EXCLUDE (__rid${replaced.join('')}), ${QA_COLUMNS.map((c) => `a.${ident(c.name)}`).join(', ')}
       FROM ${ident(numbered)} q JOIN ${ident(results)} a USING (__rid) ORDER BY q.__rid, a.rank;
       DROP TABLE IF EXISTS ${ident(results)}; DROP TABLE IF EXISTS ${ident(numbered)};`,
      { signal },
    );
    return {
      warnings: [
        {
          message: `질문 ${qs.rows.length}건 중 ${answered}건 답변 (자료 ${entries.length}건) · answered ${answered} of ${qs.rows.length} questions from ${entries.length} entries`,
        },
      ],
    };
  },
});
