import { z } from 'zod';
import { offload } from '../../runtime/compute/offload.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Column } from '../../runtime/schema/types.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { OUT } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';
import type { HsDecision } from './_hs-code-model.ts';
import { hasWords, MAX_ITEM_CHARS, suggestCodes } from './_hs-suggest.ts';
import { requireColumns } from './_model-io.ts';
import { HS_SUGGEST } from './_offloaded-tasks.ts';

const column = (port: string, ko: string, en: string, help?: { ko: string; en: string }) =>
  z.string().min(1).meta({ label: { ko, en }, help, widget: 'column', columnOf: port });

const params = z
  .object({
    name: column('items', '품명 열', 'Item name column', {
      ko: '한글·영문·혼합, 화학명·모델명도 됩니다',
      en: 'Korean, English or mixed; chemical and model names work too',
    }),
    description: column('items', '물품설명 열 (선택)', 'Description column (optional)').optional(),
    extra: z
      .array(z.string().min(1))
      .default([])
      .meta({
        label: { ko: '모델·규격 등 더 읽을 열 (선택)', en: 'Model, specification… (optional)' },
        widget: 'columns',
        columnOf: 'items',
      }),
    decisionText: z
      .array(z.string().min(1))
      .default([])
      .meta({
        label: { ko: '과거 결정의 품명·설명 열', en: 'Past decisions: text columns' },
        help: {
          ko: '‹과거 결정› 입력(결정례·이전 신고)을 연결하면 이 글과 결정 세번으로 학습합니다',
          en: 'with the past-decisions input connected (rulings, earlier declarations), the node learns from these texts and codes',
        },
        widget: 'columns',
        columnOf: 'decisions',
      }),
    decisionHs: column('decisions', '과거 결정의 HS 10단위 열', 'Past decisions: HS10 column').optional(),
    decisionLabel: column(
      'decisions',
      '과거 결정의 번호 열 (선택)',
      'Past decisions: reference column (optional)',
    ).optional(),
  })
  .strict();

type Params = z.infer<typeof params>;

const VARCHAR = 'VARCHAR';
export const HS_COLUMNS: Column[] = [
  { name: 'hs10_1', type: VARCHAR },
  { name: 'hs10_2', type: VARCHAR },
  { name: 'hs10_3', type: VARCHAR },
  { name: 'score_1', type: 'DOUBLE' },
  { name: 'score_2', type: 'DOUBLE' },
  { name: 'score_3', type: 'DOUBLE' },
  { name: 'hs_path_1', type: VARCHAR },
  { name: 'hs_path_2', type: VARCHAR },
  { name: 'hs_path_3', type: VARCHAR },
  { name: 'matched_1', type: VARCHAR },
  { name: 'decisions_1', type: VARCHAR },
  { name: 'hs_note', type: VARCHAR },
];

const text = (c: string) => `coalesce(CAST(${ident(c)} AS VARCHAR), '')`;

/** An HS code as 10 digits: digits only, a 9-digit code (leading zero lost in a spreadsheet) padded; else null. */
export function hs10Of(value: unknown): string | null {
  const digits = String(value ?? '').replace(/\D/g, '');
  if (digits.length === 9) return `0${digits}`;
  return digits.length === 10 ? digits : null;
}

async function readDecisions(engine: Engine, relation: string, p: Params, signal?: AbortSignal) {
  if (!p.decisionHs)
    throw new ParamError(
      'choose the HS10 column of the past decisions',
      'decisionHs',
      msg('node.model_choose_column', { field: setting(params, 'decisionHs') }),
    );
  if (p.decisionText.length === 0)
    throw new ParamError(
      'choose the text columns of the past decisions',
      'decisionText',
      msg('node.model_choose_column', { field: setting(params, 'decisionText') }),
    );
  const label = p.decisionLabel ? `CAST(${ident(p.decisionLabel)} AS VARCHAR)` : 'NULL';
  const r = await engine.query(
    `SELECT ${p.decisionText.map(text).join(` || chr(10) || `)} AS t, CAST(${ident(p.decisionHs)} AS VARCHAR) AS hs, ${label} AS l FROM ${relation}`,
    { signal },
  );
  const decisions: HsDecision[] = [];
  let skipped = 0;
  for (const row of r.rows) {
    const hs10 = hs10Of(row.hs);
    const t = String(row.t ?? '').slice(0, MAX_ITEM_CHARS);
    if (!hs10 || !hasWords(t)) skipped++;
    else decisions.push({ text: t, hs10, label: row.l == null ? undefined : String(row.l) });
  }
  return { decisions, skipped };
}

export const hsCode = defineNode({
  type: 'model.hs_code',
  version: 1,
  kind: 'compute',
  category: 'model',
  label: { ko: 'HS 세번 추천', en: 'HS code prediction' },
  description: {
    ko: '품명·물품설명(한글·영문·혼합, 화학명·모델명·숫자)으로 HSK 10단위 세번 후보 3개를 신뢰도, 한글 세번 경로, 일치한 말과 함께 추천합니다. 내장된 관세율표 품목명(10→6→4단위)의 글자 2~4-gram 검색, 신고에서 쓰는 물품 이름 사전(호·소호·10단위별 일상·거래 명칭: 도마, 밀폐용기, MLCC, 진미채 → 조미오징어 등), 영문 품명의 낱말 검색, 물품이 해당하는 10단위(로봇청소기 → 로봇형, 18K 금반지 → 금으로 만든 것) 고르기, 품명이 끝나는 말로 물품이 무엇인지 읽기(Hairpin stator assembly → 고정자, 노트북용 전원 어댑터 → 어댑터), 결정례 문장이 말하는 물품(…굴삭기로, …만두임) 읽기, 냉동·건조 같은 상태, 합금강·비합금강 같은 반대말, "외과용이 아닌" 같은 부정, 주된 섬유(폴리에스테르 88% → 합성섬유), 출력·용량 같은 수치(350W → 750와트 이하인 것) 가리기와 관세율표로 미리 학습해 둔 류(2단위)·호(4단위) 분류기를 합치고, 연결한 과거 결정례·신고에서 배운 것을 더합니다. 추천은 참고용이며 최종 분류는 담당자가 결정합니다.',
    en: 'Suggests three HSK 10-digit codes per item from its name and description (Korean, English or mixed; chemical and model names, numbers), with confidence, the Korean nomenclature path and the matched phrases. Character 2–4-gram retrieval over the built-in tariff nomenclature (10 → 6 → 4 digits) and a glossary of the names goods are declared under (everyday and trade names per heading, subheading and national line: seasoned squid strips → 1605.54-2091), English names matched as whole words, the national line whose condition the goods meet (a robot vacuum → 로봇형, an 18K gold ring → of gold), what the goods are called by the word their name ends in (a “Hairpin stator assembly” is a stator, a laptop’s power adapter an adapter), the goods a ruling sentence names, the state of raw food (frozen, dried), opposites such as alloy/non-alloy steel, negations (“not surgical”), the predominant textile material and stated values against the limits of the lines (350 W against “not exceeding 750 W”), combined with a chapter/heading classifier trained beforehand on that nomenclature, plus what it learns from connected past rulings or declarations. A suggestion only: the officer decides.',
  },
  inputs: [
    { name: 'items', label: { ko: '분류할 물품', en: 'Items to classify' } },
    {
      name: 'decisions',
      label: { ko: '과거 결정 (선택: 결정례·신고)', en: 'Past decisions (optional)' },
      optional: true,
    },
  ],
  outputs: [OUT],
  params,
  outputSchema: ({ params: p, inputs }) => {
    const decisions = inputs.decisions?.[0];
    if (decisions) {
      const cols = [...p.decisionText, p.decisionHs, p.decisionLabel].filter((c): c is string => !!c);
      requireColumns(decisions, cols, 'decisionText', 'decisions');
    }
    const items = inputs.items?.[0];
    if (!items) return null;
    requireColumns(items, [p.name, ...(p.description ? [p.description] : []), ...p.extra], 'name', 'items');
    const added = new Set(HS_COLUMNS.map((c) => c.name));
    return [...items.filter((c) => !added.has(c.name)), ...HS_COLUMNS];
  },
  run: async ({ engine, inputs, schemas, params: p, tableName, signal, progress }) => {
    const itemsRel = inputs.items?.[0];
    if (!itemsRel)
      throw new ParamError(
        'connect the items to classify',
        'name',
        msg('node.model_connect', { what: { ko: '분류할 물품 표', en: 'the items to classify' } }),
      );
    const learned = inputs.decisions?.[0]
      ? await readDecisions(engine, inputs.decisions[0], p, signal)
      : { decisions: [], skipped: 0 };
    const numbered = `${tableName}__items`;
    await engine.exec(
      `CREATE OR REPLACE TABLE ${ident(numbered)} AS SELECT row_number() OVER () AS __rid, * FROM ${itemsRel}`,
      { signal },
    );
    const rest = [...(p.description ? [p.description] : []), ...p.extra];
    const r = await engine.query(
      `SELECT __rid, ${text(p.name)} AS n, ${rest.length ? rest.map(text).join(` || chr(10) || `) : "''"} AS d FROM ${ident(numbered)} ORDER BY __rid`,
      { signal },
    );
    const field = setting(params, 'name');
    const column = [p.name, ...rest].join(', ');
    const texts = r.rows.map((row) => ({ name: String(row.n ?? ''), description: String(row.d ?? '') }));
    if (texts.length > 0 && texts.every((t) => !(t.name + t.description).trim()))
      throw new ParamError(`the text column "${column}" is empty`, 'name', msg('node.text_empty', { column, field }));
    if (texts.length > 0 && texts.every((t) => !hasWords(t.name + t.description)))
      throw new ParamError(
        `the text column "${column}" holds only numbers and symbols`,
        'name',
        msg('node.text_only_numbers', { column, field }),
      );
    const { rows, predicted } = await offload(
      HS_SUGGEST,
      { texts, decisions: learned.decisions },
      { signal, progress: (f) => progress(0.1 + 0.8 * f) },
      suggestCodes,
    );

    const results = `${tableName}__hs`;
    const cols: Column[] = [{ name: '__rid', type: 'BIGINT' }, ...HS_COLUMNS];
    await engine.createTable(
      results,
      cols,
      cols.map((_, j) => rows.map((row) => row[j] ?? null)),
    );
    const inputNames = (schemas.items?.[0] ?? []).map((c) => c.name);
    const replaced = HS_COLUMNS.filter((c) => inputNames.includes(c.name)).map((c) => `, ${ident(c.name)}`);
    await engine.exec(
      `CREATE OR REPLACE TABLE ${ident(tableName)} AS
       SELECT i.* EXCLUDE (__rid${replaced.join('')}), ${HS_COLUMNS.map((c) => `h.${ident(c.name)}`).join(', ')}
       FROM ${ident(numbered)} i JOIN ${ident(results)} h USING (__rid) ORDER BY i.__rid;
       DROP TABLE IF EXISTS ${ident(results)}; DROP TABLE IF EXISTS ${ident(numbered)};`,
      { signal },
    );
    progress(1);
    const learnedNote =
      learned.decisions.length > 0
        ? ` · 과거 결정 ${learned.decisions.length}건 학습${learned.skipped ? ` (세번·글이 없는 ${learned.skipped}건 제외)` : ''}`
        : '';
    return {
      warnings: [
        {
          message: `물품 ${texts.length}건 중 ${predicted}건 추천${learnedNote} · suggested codes for ${predicted} of ${texts.length} items${learned.decisions.length ? `, learned from ${learned.decisions.length} past decisions` : ''}`,
        },
      ],
    };
  },
});
