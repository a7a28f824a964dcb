// The per-item half of model.hs_code: the shipped index, a model with the officer's past decisions, and the three
// best codes of every item. A task of plain data in and out, so the studio can run it in a Web Worker
// (runtime/compute/offload.ts): building the index takes seconds and scoring a thousand items longer still.

import { breather } from '../_shared/breather.ts';
import { HsClassifier, type HsClassifierAsset } from './_hs-classifier.ts';
import { HsCodeModel, type HsDecision, type HsNomenclature, HsNomenclatureIndex } from './_hs-code-model.ts';
import { loadGlossary } from './_hs-glossary.ts';
import type { Reading } from './_hs-rules.ts';

/** The longest text read per item: a pasted catalogue cannot stall the run (a ruling's description is < 2,000). */
export const MAX_ITEM_CHARS = 4000;

const NOTE_EMPTY = '품명·설명이 비어 있어 예측하지 않았습니다 (no text)';
const NOTE_NUMBERS = '숫자·기호만 있어 예측하지 않았습니다. 품명을 글로 적어 주세요 (only numbers and symbols)';
const NOTE_CUT = `설명이 길어 앞 ${MAX_ITEM_CHARS.toLocaleString('en-US')}자만 읽었습니다 (text cut)`;
/** What the state and opposite rules read, so the officer sees why a line of another state was set aside. */
const readNote = (read: readonly Reading[]) =>
  `상태·성질로 읽은 말: ${read.map((r) => r.ko).join(', ')} (read as: ${read.map((r) => r.en).join(', ')})`;
const NOTE_NO_MATCH = '세번 목록에서 맞는 글을 찾지 못했습니다 (nothing in the nomenclature matched)';

let shared: Promise<HsNomenclatureIndex> | undefined;

/**
 * The shipped nomenclature's index, trained classifier and glossary of declared names, built on first use and kept
 * for the process or worker: a second run, or a second HS node, pays nothing. The data files are separate chunks
 * loaded only here.
 */
export function nomenclatureIndex(): Promise<HsNomenclatureIndex> {
  shared ??= Promise.all([
    import('./_hs-data/hs-nomenclature.json'),
    import('./_hs-data/hs-classifier.json'),
    loadGlossary(),
  ]).then(
    ([n, c, g]) =>
      new HsNomenclatureIndex(
        n.default as unknown as HsNomenclature,
        new HsClassifier(c.default as unknown as HsClassifierAsset),
        g,
      ),
  );
  return shared;
}

/** Text with at least two letters (one letter is a unit sign, as in "0.5 x 30"): something to match. */
export const hasWords = (s: string) => /\p{L}.*\p{L}/su.test(s);
const round = (x: number) => Math.round(x * 1000) / 1000;

export interface HsSuggestArgs {
  readonly texts: ReadonlyArray<{ readonly name: string; readonly description: string }>;
  readonly decisions: readonly HsDecision[];
}

export interface HsSuggestResult {
  /** Per item, in order: row number, hs10 ×3, score ×3, path ×3, matched, decisions, note (HS_COLUMNS after __rid). */
  readonly rows: unknown[][];
  /** Items that got at least one code. */
  readonly predicted: number;
}

/** Three codes per item, with progress 0–1 (the index is the first tenth) and a stop between items on cancel. */
export async function suggestCodes(
  { texts, decisions }: HsSuggestArgs,
  control: { progress(fraction: number): void; readonly signal?: AbortSignal },
): Promise<HsSuggestResult> {
  const index = await nomenclatureIndex();
  control.signal?.throwIfAborted();
  const model = new HsCodeModel(index, decisions);
  control.progress(0.1);
  const rows: unknown[][] = [];
  let predicted = 0;
  const breathe = breather(control.signal);
  for (const [i, t] of texts.entries()) {
    await breathe();
    const all = `${t.name}\n${t.description}`;
    const note: string[] = [];
    let candidates: ReturnType<HsCodeModel['predict']> = [];
    if (!all.trim()) note.push(NOTE_EMPTY);
    else if (!hasWords(all)) note.push(NOTE_NUMBERS);
    else {
      if (t.name.length + t.description.length > MAX_ITEM_CHARS) note.push(NOTE_CUT);
      const name = t.name.slice(0, MAX_ITEM_CHARS);
      const query = { name, description: t.description.slice(0, MAX_ITEM_CHARS - name.length) };
      candidates = model.predict(query, 3);
      if (candidates.length === 0) note.push(NOTE_NO_MATCH);
      else {
        predicted++;
        const read = model.readings(query, candidates);
        if (read.length > 0) note.push(readNote(read));
      }
    }
    const c = (k: number) => candidates[k];
    rows.push([
      i + 1,
      c(0)?.hs10 ?? null,
      c(1)?.hs10 ?? null,
      c(2)?.hs10 ?? null,
      c(0) ? round(c(0)!.score) : null,
      c(1) ? round(c(1)!.score) : null,
      c(2) ? round(c(2)!.score) : null,
      c(0)?.path ?? null,
      c(1)?.path ?? null,
      c(2)?.path ?? null,
      c(0)?.matched.join(', ') || null,
      c(0)?.decisions.join('; ') || null,
      note.join(' · ') || null,
    ]);
    if (i % 10 === 0) control.progress(0.1 + (0.9 * i) / texts.length);
  }
  return { rows, predicted };
}
