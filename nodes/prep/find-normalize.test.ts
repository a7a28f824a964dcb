import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { NFKC_BLOCKS, nfkcOf } from '../_shared/nfkc.ts';
import { apply, col, table } from './apply.testing.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
});
afterAll(() => engine.close());

const FIRMS = table(
  ['id:INTEGER', 'name', 'item'],
  [
    [1, '(주)한빛무역  ', 'Mobile Phone 휴대전화'],
    [2, '㈜바다상사', 'mobile phone case'],
    [3, '주식회사 초록', null],
    [4, 'C:\\temp 50%', 'a.b.c'],
  ],
);
const replace = (params: Record<string, unknown>) => apply(engine, 'prep.find_replace', params, FIRMS);

describe('prep.find_replace', () => {
  it('replaces literal text everywhere, keeping other columns', async () => {
    const rows = await replace({ columns: ['name'], find: '(주)', replace: '' });
    expect(col(rows, 'name')).toEqual(['한빛무역  ', '㈜바다상사', '주식회사 초록', 'C:\\temp 50%']);
    expect(rows[0]!.item).toBe('Mobile Phone 휴대전화');
  });

  it('ignores case, or replaces the first occurrence only', async () => {
    const ci = await replace({ columns: ['item'], find: 'PHONE', replace: '폰', caseSensitive: false });
    expect(col(ci, 'item')).toEqual(['Mobile 폰 휴대전화', 'mobile 폰 case', null, 'a.b.c']);
    const first = await replace({ columns: ['item'], find: '.', replace: '-', occurrences: 'first' });
    expect(col(first, 'item')).toEqual(['Mobile Phone 휴대전화', 'mobile phone case', null, 'a-b.c']); // '.' is text here
  });

  it('inserts backslashes and quotes literally', async () => {
    const rows = await replace({ columns: ['name'], find: 'c:\\TEMP', replace: "D:\\new'; --", caseSensitive: false });
    expect(col(rows, 'name')[3]).toBe("D:\\new'; -- 50%");
  });

  it('replaces a regex with group references, in several columns', async () => {
    const rows = await replace({
      columns: ['item', 'name'],
      find: '([a-z]+) ([a-z]+)',
      replace: '\\2 \\1',
      match: 'regex',
      caseSensitive: false,
      occurrences: 'first',
    });
    expect(col(rows, 'item')).toEqual(['Phone Mobile 휴대전화', 'phone mobile case', null, 'a.b.c']);
    const spaces = await replace({ columns: ['name'], find: '\\s+', replace: ' ', match: 'regex' });
    expect(col(spaces, 'name')).toEqual(['(주)한빛무역 ', '㈜바다상사', '주식회사 초록', 'C:\\temp 50%']);
  });

  it('accepts JavaScript-style named groups', async () => {
    const rows = await replace({ columns: ['item'], find: '(?<w>[a-z]+) case', replace: '[\\1]', match: 'regex' });
    expect(col(rows, 'item')[1]).toBe('mobile [phone]');
  });

  it('replaces inside a number column through its text', async () => {
    const rows = await replace({ columns: ['id'], find: '1', replace: '일' });
    expect(col(rows, 'id')).toEqual(['일', '2', '3', '4']);
  });

  it('names the param at fault', async () => {
    const fails = (params: Record<string, unknown>) => expect(replace({ columns: ['item'], ...params })).rejects;
    await fails({ find: '(a)', replace: '\\2', match: 'regex' }).toMatchObject({
      param: 'replace',
      message: /\\2 refers to group 2, but the pattern has 1 group$/,
    });
    await fails({ find: 'a', replace: 'x\\y', match: 'regex' }).toMatchObject({ param: 'replace' });
    await fails({ find: '(?<!a)b', match: 'regex' }).toMatchObject({
      param: 'find',
      message: /look-ahead or look-behind/,
    });
    await fails({ find: '(a)\\1', match: 'regex' }).toMatchObject({ param: 'find', message: /back-reference/ });
    await fails({ columns: ['item', 'nope'], find: 'a' }).toMatchObject({ param: 'columns.1' });
    await fails({ columns: ['item', 'item'], find: 'a' }).toMatchObject({ param: 'columns.1' });
  });
});

const TEXTS = table(
  ['id:INTEGER', 'name', 'code', 'memo'],
  [
    [1, '  ㈜ 한빛무역\u3000', 'ＡＢＣ１２３', 'SAMSUNG ELECTRONICS CO.,LTD'],
    [2, '(주)바다\t\t상사', 'hs-8517', "o'neil & sons"],
    [3, null, '', 'ⅰ① ㎏ ℃ ﬁ'],
  ],
);
const normalize = (columns: Record<string, string[]>) => apply(engine, 'prep.text_normalize', { columns }, TEXTS);

describe('prep.text_normalize', () => {
  it('trims, collapses and removes every kind of space', async () => {
    const rows = await normalize({ name: ['trim', 'collapse_spaces'], memo: ['remove_spaces'] });
    // U+3000 (full-width space) counts as a space; tabs collapse to one space.
    expect(col(rows, 'name')).toEqual(['㈜ 한빛무역', '(주)바다 상사', null]);
    expect(col(rows, 'memo')).toEqual(['SAMSUNGELECTRONICSCO.,LTD', "o'neil&sons", 'ⅰ①㎏℃ﬁ']);
  });

  it('changes case: upper, lower, title', async () => {
    const upper = await normalize({ code: ['upper'], memo: ['lower'] });
    expect(col(upper, 'code')).toEqual(['ＡＢＣ１２３', 'HS-8517', '']);
    expect(col(upper, 'memo')[0]).toBe('samsung electronics co.,ltd');
    const title = await normalize({ memo: ['title'] });
    expect(col(title, 'memo').slice(0, 2)).toEqual(['Samsung Electronics Co.,Ltd', "O'Neil & Sons"]);
    const empty = await normalize({ code: ['title'] });
    expect(col(empty, 'code')[2]).toBe('');
  });

  it('converts full-width to half-width and back', async () => {
    const half = await normalize({ code: ['fullwidth_to_halfwidth'], name: ['fullwidth_to_halfwidth'] });
    expect(col(half, 'code')).toEqual(['ABC123', 'hs-8517', '']);
    expect(col(half, 'name')[0]).toBe('  ㈜ 한빛무역 '); // U+3000 → ' '; ㈜ is not a full-width form
    const full = await normalize({ code: ['halfwidth_to_fullwidth'] });
    expect(col(full, 'code')).toEqual(['ＡＢＣ１２３', 'ｈｓ－８５１７', '']);
  });

  it('applies NFKC to compatibility characters, NFC to decomposed Hangul', async () => {
    const rows = await normalize({ name: ['nfkc', 'remove_spaces'], memo: ['nfkc'] });
    expect(col(rows, 'name')).toEqual(['(주)한빛무역', '(주)바다상사', null]); // now the same firm spelling
    expect(col(rows, 'memo')[2]).toBe('i1 kg °C ﬁ'); // ﬁ (U+FB01) is outside the covered blocks
    const decomposed = table(['t'], [['\u1112\u1161\u11ab\uAE00'], ['ㅎㅏㄴ']]);
    const nfc = await apply(engine, 'prep.text_normalize', { columns: { t: ['nfc'] } }, decomposed);
    expect(col(nfc, 't')).toEqual(['한글', 'ㅎㅏㄴ']);
    const nfkc = await apply(engine, 'prep.text_normalize', { columns: { t: ['nfkc'] } }, decomposed);
    // Compatibility jamo become conjoining jamo (as Unicode NFKC does), and ᄒ+ᅡ compose into 하.
    expect(col(nfkc, 't')).toEqual(['한글', '하\u1102']);
  });

  it('runs operations in the order given', async () => {
    const input = table(['t'], [['㈜한빛']]);
    const run = (ops: string[]) => apply(engine, 'prep.text_normalize', { columns: { t: ops } }, input);
    expect(col(await run(['remove_punctuation', 'nfkc']), 't')).toEqual(['한빛']); // ㈜ is a symbol: removed
    expect(col(await run(['nfkc', 'remove_punctuation']), 't')).toEqual(['주한빛']); // (주) → 주
  });

  it('removes punctuation and symbols', async () => {
    const rows = await normalize({ memo: ['remove_punctuation'] });
    // ㎏ and ℃ are symbols (So) and go; ⅰ ① are numbers (Nl, No) and stay, as do the spaces around them.
    expect(col(rows, 'memo')).toEqual(['SAMSUNG ELECTRONICS COLTD', 'oneil  sons', 'ⅰ①   ﬁ']);
  });

  it('cleans a number column as text', async () => {
    const rows = await normalize({ id: ['halfwidth_to_fullwidth'] });
    expect(col(rows, 'id')).toEqual(['１', '２', '３']);
  });

  it('matches Unicode NFKC on every character of the covered blocks', async () => {
    const rows: string[][] = [];
    for (const [lo, hi] of NFKC_BLOCKS) {
      for (let cp = lo; cp <= hi; cp++) rows.push([String.fromCodePoint(cp)]);
    }
    rows.push(['㈜한빛무역 ＡＢＣ１２３ ①⑩ ｶﾞ ㎡ ﾡ']);
    const out = await apply(engine, 'prep.text_normalize', { columns: { t: ['nfkc'] } }, table(['t'], rows));
    const expected = rows.map(([t]) => {
      const cp = t!.codePointAt(0)!;
      return t!.length > 2 || nfkcOf(cp) !== undefined ? t!.normalize('NFKC') : t!.normalize('NFC');
    });
    expect(col(out, 't')).toEqual(expected);
    expect(expected.at(-1)).toBe('(주)한빛무역 ABC123 110 ガ m2 ᄀ');
  });

  it('names the column at fault', async () => {
    await expect(normalize({ nope: ['trim'] })).rejects.toMatchObject({ param: 'columns.nope' });
    await expect(normalize({ name: [] })).rejects.toThrow(/invalid_param.*at least one operation/);
    await expect(normalize({ name: ['shout'] })).rejects.toThrow(/invalid_param/);
  });
});
