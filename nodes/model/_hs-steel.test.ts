import { describe, expect, it } from 'vitest';
import { isMetalForm, namesArticle } from './_hs-metal-forms.ts';
import {
  barStageOf,
  barStageOfGoods,
  isFlatRolledSection,
  isHighSpeedLine,
  notHighSpeed,
  otherSection,
  otherSteel,
  sectionOf,
  steelOf,
} from './_hs-steel.ts';

describe('steel by its stated section and kind (Chapter 72 note 1(k), 72.18–72.23 against 72.24–72.29)', () => {
  it('reads the width and thickness however a description writes them, and nothing from other millimetres', () => {
    expect(sectionOf('규격 : 폭 255mm, 두께 130mm, 길이 3,500mm')).toEqual({ width: 255, thickness: 130 });
    expect(sectionOf('200mm(폭) X 12mm(두께) X 6,000mm')).toEqual({ width: 200, thickness: 12 });
    expect(sectionOf('width: 1,250 mm, thickness 0.8mm')).toEqual({ width: 1250, thickness: 0.8 });
    expect(sectionOf('W 300mm T=5mm')).toEqual({ width: 300, thickness: 5 });
    // a slot 3 mm wide says no thickness; a length alone says no section
    expect(sectionOf('a slot 3mm wide, 폭 20mm')).toBeNull();
    expect(sectionOf('길이 3,500mm')).toBeNull();
  });

  it('tells a flat-rolled product from a bar as the note does: 10 × under 4.75 mm thick, over 150 mm and 2 × from it', () => {
    expect(isFlatRolledSection({ width: 1250, thickness: 0.8 })).toBe(true);
    expect(isFlatRolledSection({ width: 40, thickness: 4 })).toBe(true); // 10 × 4 = 40
    expect(isFlatRolledSection({ width: 39, thickness: 4 })).toBe(false);
    expect(isFlatRolledSection({ width: 300, thickness: 150 })).toBe(true);
    expect(isFlatRolledSection({ width: 255, thickness: 130 })).toBe(false); // under twice the thickness
    expect(isFlatRolledSection({ width: 150, thickness: 10 })).toBe(false); // not over 150 mm
  });

  it('sets aside the flat-rolled headings a section rules out, by shape and by the 600 mm of their titles', () => {
    const bar = { width: 255, thickness: 130 };
    const narrow = { width: 300, thickness: 5 };
    const wide = { width: 1250, thickness: 0.8 };
    expect(['7208', '7211', '7219', '7220', '7225', '7226'].map((h) => otherSection(h, bar))).toEqual(
      Array(6).fill(true),
    );
    expect(otherSection('7228', bar)).toBe(false);
    expect([otherSection('7225', narrow), otherSection('7226', narrow)]).toEqual([true, false]);
    expect([otherSection('7209', wide), otherSection('7211', wide)]).toEqual([false, true]);
    expect(otherSection('7225', null)).toBe(false);
  });

  it('reads stainless apart from the other alloy steels, and nothing when no steel is named', () => {
    expect(steelOf('스테인리스강(STS304) 재질의 봉')).toBe('stainless');
    expect(steelOf('합금공구강(SKD11) 평강')).toBe('other');
    expect(steelOf('Tool steel flat bar')).toBe('other');
    expect(steelOf('알루미늄 합금 휠')).toBeNull();
    expect([otherSteel('7222', 'other'), otherSteel('7228', 'other')]).toEqual([true, false]);
    expect([otherSteel('7222', 'stainless'), otherSteel('7228', 'stainless')]).toEqual([false, true]);
    expect(otherSteel('7318', 'stainless')).toBe(false);
  });

  it('takes steel for high speed steel only when the goods say so (Chapter 72 subheading note 1(d))', () => {
    const goods = '열간압연한 합금공구강(SDT11) 재질의 평강';
    expect(notHighSpeed(goods, steelOf(goods))).toBe(true);
    expect(notHighSpeed('고속도강(SKH51) 환봉', 'other')).toBe(false);
    expect(notHighSpeed('HSS round bar M2', 'other')).toBe(false);
    expect(notHighSpeed('High-speed tool steel bar', 'other')).toBe(false);
    // no steel named: nothing to say
    expect(notHighSpeed('드릴 비트', steelOf('드릴 비트'))).toBe(false);
    expect(['고속도강의 봉', '고속도강으로 만든 것', '기타'].map(isHighSpeedLine)).toEqual([true, true, false]);
  });

  it("reads a bar's stage of working: the furthest the goods state, and the one a line holds", () => {
    // the lines' own wording as the index keeps it: name | the subheadings above | English
    expect(barStageOf('기타 | 그 밖의 봉[단조(鍛造)보다 더 가공하지 않은 것으로 한정한다] | other')).toBe(1);
    expect(barStageOf('단조(鍛造)한 것 | forged')).toBe(1);
    expect(
      barStageOf('기타 | 그 밖의 봉[열간(熱間)압연ㆍ열간인발(熱間引拔)ㆍ압출보다 더 가공하지 않은 것으로 한정한다]'),
    ).toBe(2);
    // 冷 as the tariff writes it, a compatibility ideograph (U+F92E)
    expect(
      barStageOf('그 밖의 봉[냉간(\uf92e間)성형이나 냉간(\uf92e間)처리보다 더 가공하지 않은 것으로 한정한다]'),
    ).toBe(3);
    expect(barStageOf('고속도강의 봉 | bars of high speed steel')).toBe(0);
    // 용해 → 주조 → 단조 → 열간압연: the bar is hot-rolled; hot-rolled then cold-drawn, cold-finished
    expect(barStageOfGoods('합금강 평강 - 제조공정 : 용해/정련 → 주조 → 단조 → 열간압연 → 열처리')).toBe(2);
    expect(barStageOfGoods('Hot rolled alloy steel round bar')).toBe(2);
    expect(barStageOfGoods('자유단조한 합금강 봉')).toBe(1);
    expect(barStageOfGoods('열간압연한 선재를 냉간인발한 합금강 봉')).toBe(3);
    expect(barStageOfGoods('합금강 봉')).toBe(0);
  });
});

describe("base metals' forms against articles (_hs-metal-forms.ts)", () => {
  it('takes a name ending in an article as no form, and a form, a metal or a code as no article', () => {
    expect(['wheel', '양수냄비', 'clamp', '엘보'].map(namesArticle)).toEqual([true, true, true, true]);
    expect(['foil', 'bars', '평강', '환봉', '알루미늄괴', 'steel', '강판', 'tubes'].map(namesArticle)).toEqual(
      Array(8).fill(false),
    );
    expect(['', 'ab', 'x1', '칩1'].map(namesArticle)).toEqual([false, false, false, false]);
  });

  it("knows the forms' headings of each base metal and no article's", () => {
    expect(['7201', '7229', '7306', '7411', '7506', '7608', '7804', '7905', '8003'].every(isMetalForm)).toBe(true);
    expect(['7307', '7323', '7412', '7616', '8007', '8708', '7326'].some(isMetalForm)).toBe(false);
  });
});
