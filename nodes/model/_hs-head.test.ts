import { describe, expect, it } from 'vitest';
import { headsOf, headWord } from './_hs-head.ts';

describe('what the goods are called (the head of their name)', () => {
  it('takes the last words of an English name, before a comma, a post-modifier or how it is put together', () => {
    expect(headsOf('Hairpin stator assembly; ST-EM150')).toEqual(['hairpin stator']);
    expect(headsOf('Other articles having an adhesive layer')).toEqual(['articles']);
    expect(headsOf('Frozen pork and vegetable dumplings; GM-1000')).toEqual(['pork vegetable dumplings']);
    expect(headsOf("Men's short sleeve sports T-shirt")).toEqual(['sleeve sports t-shirt']);
    expect(headsOf('Bifacial PV module; BF-550M')).toEqual(['bifacial pv']);
    expect(headsOf('Brake pad set for passenger car; BP-1432')).toEqual(['brake pad']);
    // a post-modifier's word inside a hyphened word is no post-modifier
    expect(headsOf('On-board charger 11kW; OBC-11A')).toEqual(['on-board charger']);
    expect(headsOf('Built-in induction cooktop; IH-3Z')).toEqual(['built-in induction cooktop']);
  });

  it('names a preparation, an article or a part by what it is of, and drops sizes and labels', () => {
    expect(headsOf('Preparation of edible oil; RTG OMEGA-3 1400')).toEqual(['edible oil']);
    expect(headsOf('Other article of vulcanised rubber; ENGINE MOUNT')).toEqual(['vulcanised rubber', 'engine mount']);
    expect(headsOf('Parts of air conditioner')).toEqual(['air conditioner']);
    expect(headsOf('Parts and accessories of bicycles; SADDLE-9')).toEqual(['bicycles']);
    expect(headsOf('Cup of tea')).toEqual(['cup']);
    expect(headsOf('Hose clamp Small; HC-20')).toEqual(['hose clamp']);
    // where a part sits is no name of it
    expect(headWord(headsOf('Ceramic brake pads front; D1234')[0]!)).toBe('pads');
    expect(headsOf('PORCELAIN TILE; PT-3060; SIZE:300*600MM; CN;')).toEqual(['porcelain tile']);
  });

  it('reads a trade name after the first part only when it is all words, not a model code or a size', () => {
    expect(headsOf('Frozen kidney beans, blanched; FROZEN BOILED KIDNEY BEAN')).toEqual([
      'frozen kidney beans',
      'boiled kidney bean',
    ]);
    expect(headsOf('Non-alcoholic beer; ZERO-L 355ML')).toEqual(['non-alcoholic beer']);
    expect(headsOf('Hair shampoo; HS-BIOTIN 500ML')).toEqual(['hair shampoo']);
  });

  it('takes the last word of a Korean name, with the word before when it is part of the name, not what it is for', () => {
    expect(headsOf('노트북용 65W 전원 어댑터')).toEqual(['전원 어댑터']);
    expect(headsOf('노트북용 어댑터')).toEqual(['어댑터']);
    expect(headsOf('통3중 스테인리스 양수냄비 20cm')).toEqual(['스테인리스 양수냄비']);
    // Latin words before a Korean last word do not make it an English name (before: led, pp)
    expect(headsOf('LED 헤드램프')).toEqual(['헤드램프']);
    expect(headsOf('PP 스펀본드 부직포 (Nonwoven)')).toEqual(['스펀본드 부직포']);
    expect(headsOf('Nonwoven fabric; PP 부직포')).toEqual(['nonwoven fabric', '부직포']);
  });

  it('takes no generic Korean word for a head (전자부품, 제품): it names no goods of its own', () => {
    expect(headsOf('TR-103F', '세라믹 소자를 에폭시로 봉지하고 리드 2개를 붙인 전자부품임')).toEqual([]);
    expect(headsOf('스마트폰 케이스', '폴리카보네이트로 사출성형한 제품임')).toEqual(['스마트폰 케이스']);
  });

  it('adds the goods the description names, and has nothing for a model code alone', () => {
    expect(headsOf('NK-130', '냉장고에 사용하는 왕복동식 압축기로, 냉매를 압축함')).toEqual(['왕복동식 압축기']);
    expect(headsOf('KX-2200')).toEqual([]);
    // a brand and a model in capitals are what the goods are called, not what they are: the description says that
    expect(headsOf('DRIVE EYE 2CH', '차량 전면유리에 부착하여 주행 영상을 저장하는 차량용 영상기록장치임')).toEqual([
      '차량용 영상기록장치',
    ]);
    expect(headsOf('FROZEN BOILED KIDNEY BEAN', '강낭콩을 블랜칭하여 냉동한 것')).toEqual(['boiled kidney bean']);
    expect(headsOf('SOUS VIDE STICK 1200')).toEqual(['sous vide stick']);
    // a description ending on its packing names the container, not the goods
    expect(headsOf('천연 꿀', '뉴질랜드산 마누카 꿀, 첨가물 없는 벌꿀 100%, 250g 유리병')).toEqual(['천연 꿀']);
  });

  it('ends a head in what the goods are, not the shape they take', () => {
    expect(headWord('dried mango slices')).toBe('mango');
    expect(headWord('홍삼 농축액 스틱')).toBe('농축액');
    expect(headWord('hairpin stator')).toBe('stator');
    expect(headWord('citric acid anhydrous')).toBe('acid');
    expect(headWord('lithium hydroxide monohydrate')).toBe('hydroxide');
    expect(headWord('분말')).toBe('분말');
  });
});
