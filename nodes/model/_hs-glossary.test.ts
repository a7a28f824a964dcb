import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HsNomenclature } from './_hs-code-model.ts';
import {
  glossaryNames,
  type HsGlossaryFile,
  type HsLineGlossaryFile,
  loadGlossary,
  mergeGlossary,
  nameLength,
  spelledIn,
  spelledNames,
} from './_hs-glossary.ts';

const dir = path.join(import.meta.dirname, '_hs-data/glossary');
const nomenclature = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '_hs-data/hs-nomenclature.json'), 'utf8'),
) as HsNomenclature;

describe('HS glossary of declared names', () => {
  it('ships every chapter range it has, and names every heading of the tariff', async () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    const picksDir = path.join(import.meta.dirname, '_hs-data/glossary-subheadings');
    const onDisk = mergeGlossary(
      files.map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as HsGlossaryFile),
      {
        picks: readdirSync(picksDir)
          .filter((f) => f.endsWith('.json'))
          .map((f) => JSON.parse(readFileSync(path.join(picksDir, f), 'utf8'))),
      },
    );
    const shipped = await loadGlossary();
    // a file added to the folder but not to loadGlossary() would never reach the studio
    expect([...shipped.headings.keys()].sort()).toEqual([...onDisk.headings.keys()].sort());
    expect(shipped.subheadings.size).toBe(onDisk.subheadings.size);
    expect(shipped.picks?.size).toBe(onDisk.picks?.size);
    expect(shipped.picks?.size).toBeGreaterThan(1200);
    const confusionsDir = path.join(import.meta.dirname, '_hs-data/glossary-confusions');
    const confusions = mergeGlossary([], {
      confusions: readdirSync(confusionsDir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => JSON.parse(readFileSync(path.join(confusionsDir, f), 'utf8'))),
    }).confusions;
    expect(shipped.confusions?.size).toBe(confusions?.size);
    const englishDir = path.join(import.meta.dirname, '_hs-data/glossary-english');
    const english = mergeGlossary([], {
      english: readdirSync(englishDir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => JSON.parse(readFileSync(path.join(englishDir, f), 'utf8'))),
    });
    expect(shipped.englishHeadings?.size).toBe(english.englishHeadings?.size);
    expect(shipped.englishSubheadings?.size).toBe(english.englishSubheadings?.size);
    expect(shipped.englishSubheadings?.size).toBeGreaterThan(3000);

    const headings = new Set(nomenclature.lines.map(([hs10]) => hs10.slice(0, 4)));
    const subheadings = new Set(nomenclature.lines.map(([hs10]) => hs10.slice(0, 6)));
    const thin = [...headings].filter((h) => (shipped.headings.get(h)?.length ?? 0) < 3);
    expect(thin).toEqual([]);
    expect([...shipped.headings.keys()].filter((h) => !headings.has(h))).toEqual([]);
    expect([...(shipped.confusions?.keys() ?? [])].filter((h) => !headings.has(h))).toEqual([]);
    expect([...shipped.subheadings.keys()].filter((s) => !subheadings.has(s))).toEqual([]);
    expect([...(shipped.englishHeadings?.keys() ?? [])].filter((h) => !headings.has(h))).toEqual([]);
    expect([...(shipped.englishSubheadings?.keys() ?? [])].filter((s) => !subheadings.has(s))).toEqual([]);
    // English names only, each a name of one heading (a name of two says nothing of either)
    const headingsOf = new Map<string, Set<string>>();
    for (const [code, names] of [...(shipped.englishHeadings ?? []), ...(shipped.englishSubheadings ?? [])])
      for (const name of names)
        headingsOf.set(name.toLowerCase(), (headingsOf.get(name.toLowerCase()) ?? new Set()).add(code.slice(0, 4)));
    expect([...headingsOf.keys()].filter((n) => /[가-힣]/u.test(n))).toEqual([]);
    expect([...headingsOf].filter(([, hs]) => hs.size > 1).map(([n]) => n)).toEqual([]);
  });

  it('ships the names of national lines, each under a 10-digit line of the tariff', async () => {
    const linesDir = path.join(import.meta.dirname, '_hs-data/glossary-lines');
    const files = readdirSync(linesDir).filter((f) => f.endsWith('.json'));
    const onDisk = mergeGlossary([], {
      lines: files.map((f) => JSON.parse(readFileSync(path.join(linesDir, f), 'utf8')) as HsLineGlossaryFile),
    });
    const shipped = await loadGlossary();
    expect([...(shipped.lines?.keys() ?? [])].sort()).toEqual([...(onDisk.lines?.keys() ?? [])].sort());
    const codes = new Set(nomenclature.lines.map(([hs10]) => hs10));
    expect([...(shipped.lines?.keys() ?? [])].filter((c) => !codes.has(c))).toEqual([]);
    expect(shipped.lines?.size).toBeGreaterThan(2800);
    // an entry may give English names only
    const merged = mergeGlossary([], {
      lines: [{ chapters: '1-24', lines: { '0810701000': { en: ['fuyu persimmon'] } } }],
    });
    expect(merged.lines?.get('0810701000')).toEqual(['fuyu persimmon']);
  });

  it('matches names without spaces and drops a name given under too many codes', () => {
    const at = new Map([
      ['6404', 0],
      ['6402', 1],
      ['6403', 2],
    ]);
    const names = glossaryNames(
      new Map([
        ['6404', ['러닝화', 'Running Shoes', '신발']],
        ['6402', ['고무 슬리퍼', '신발']],
        ['6403', ['가죽 구두', '신발']],
      ]),
      at,
    );
    expect(names.find((n) => n.compact === 'runningshoes')?.codes).toEqual([0]);
    expect(names.find((n) => n.compact === '고무슬리퍼')?.codes).toEqual([1]);
    // 신발 names three headings: it says nothing about which
    expect(names.some((n) => n.compact === '신발')).toBe(false);
  });

  it('weighs a Hangul syllable as two letters: a two-syllable Korean name is a whole word', () => {
    expect(nameLength('만두')).toBe(4);
    expect(nameLength('ramen')).toBe(5);
    expect(nameLength('TV')).toBe(2);
    expect(nameLength('LED 램프')).toBe(8);
  });

  it('finds a name in what the item is called: Korean inside a compound, Latin from a word start, two letters at an end', () => {
    const bolt = spelledIn('Wholesale stainless steel hex bolt 원목도마');
    // "tee" (a golf tee) is inside "steel", and "ale" inside "wholesale": neither is named; "bolt" and 도마 are
    expect(['tee', 'ale', 'bolt', 'hexbolt', '도마', '원목도마'].map(bolt)).toEqual([
      false,
      false,
      true,
      true,
      true,
      true,
    ]);
    expect(spelledIn('golf tee 50pcs')('tee')).toBe(true);
    // a short Latin name (an acronym) ends where its word does, a plural's s aside: TEM is no microscope in
    // "tempered", BLU no backlight unit in "Bluetooth"; a longer name may begin a longer word
    expect(
      ['tem', 'blu', 'tees', 'led'].map((n) => spelledIn('Tempered glass, Bluetooth golf tees, LED조명')(n)),
    ).toEqual([false, false, true, true]);
    expect(spelledIn('golf tees')('tee')).toBe(true);
    expect(spelledIn('moisturizing cream')('moistur')).toBe(true);
    // a two-letter name only as a word's end: 브라 is not in 브라켓
    expect([spelledIn('스포츠 브라')('브라'), spelledIn('브라켓 고정용')('브라')]).toEqual([true, false]);
  });

  it('looks up the names spelled in an item through their first letters, finding exactly what spelledIn finds', async () => {
    const glossary = await loadGlossary();
    const names = glossaryNames(glossary.headings, new Map([...glossary.headings.keys()].map((h, i) => [h, i])));
    const focuses = [
      'Wholesale stainless steel hex bolt 원목도마',
      '스포츠 브라 세트',
      'Hydrating sheet mask 25ml',
      '냉동 자숙 새우(머리와 껍질을 제거한 것)',
      'TV',
      '',
    ];
    for (const focus of focuses) {
      const spelled = spelledIn(focus);
      expect(spelledNames(names, focus)).toEqual(names.filter(({ compact }) => spelled(compact)));
    }
    expect(spelledNames(names, 'Wholesale stainless steel hex bolt 원목도마').map((g) => g.compact)).toEqual([
      '원목도마',
      'bolt',
      'hexbolt',
    ]);
  });
});
