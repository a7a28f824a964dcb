// What lexical matching cannot see: how far the goods have been worked.
//
// The nomenclature runs from raw to worked: a chapter of materials (live animals, fresh vegetables, chemically
// defined compounds, plastics in primary forms) comes before the chapters of what is made from them (food
// preparations, medicaments, articles). A ruling's description names the materials first ("돼지고기·두부·채소 등의 소를
// 채워 … 냉동한 것"), so n-gram retrieval lands on the material's chapter. The legal notes say when that is wrong:
//  - Ch. 2 and 3 note / heading texts: meat and fish only fresh, chilled, frozen, salted, dried or smoked;
//    cooked, seasoned, stuffed or fried goods are Ch. 16–21. Ch. 7, 8, 10–12 likewise (Ch. 7 note 3, Ch. 11, Ch. 20);
//    roasted vegetables, nuts and seeds are of 20.01–20.08 (the heading texts of Ch. 7, 8 and 12; 20.08).
//  - Ch. 28 note 1 and Ch. 29 note 1: separate chemically defined compounds only; mixtures, preparations, tablets and
//    goods put up for retail sale as medicaments or cosmetics are not (Ch. 30, 33, 38, 21).
//  - Ch. 39 note 6 / Ch. 40: 39.01–39.14 and 40.01–40.06 are primary forms (liquids, pastes, powders, granules,
//    blocks); articles made of plastics or rubber are 39.16–39.26 and 40.07–40.17.
//  - Ch. 30 note 1(a): food supplements are foods (21.06, beverages 22.02), not medicaments, however like tablets they
//    look; what the goods are sold as is said in the use (용도: 건강기능식품), so that rule reads it too.
// And what the goods are, which their words share with other headings': fats and oils mixed or made up are of 15.17
// (not 15.01–15.16); goods of 식용 use, or declared a health functional food, are food, and pet food is animal feed
// (23.09); a filled capsule is its contents, not the empty capsules of 19.05 and 96.02; 27.07 holds products whose
// aromatic constituents predominate; synthetic stones are of 71.04, not the natural ones' 71.02–71.03.
// And the conditions a heading's own wording sets, which goods whose words match it may not meet (`excludes`: they keep
// less): 85.34 bare boards (not components mounted), 68.13 unmounted friction material, 34.03 lubricants under 70 %
// petroleum oils, 15.05 wool grease, 34.01 soap and skin-washing preparations, the waste headings waste.
// Each rule: a cue in the description that the goods are worked beyond what a group of headings covers (or are not
// what it covers), an optional counter-cue, and the headings whose lines lose part of their score.

import { FIBRE, fabricOf, predominantFibre, wearersOf } from './_hs-textiles.ts';

export interface WorkedRule {
  /** The rule as an officer reads it (shown nowhere yet; documents the note behind it). */
  readonly note: string;
  readonly cue: RegExp;
  readonly unless?: RegExp;
  readonly headings: (hs4: string) => boolean;
  /** Where such worked goods go instead (their lines gain a share). */
  readonly towards: (hs4: string) => boolean;
  /** The cue is read in the whole description, 용도 included (what the goods are sold as, not how they are worked). */
  readonly inUse?: boolean;
  /** The headings' own wording excludes such goods (bare boards only, not mounted): they keep less. */
  readonly excludes?: boolean;
}

const within = (from: string, to: string) => (hs4: string) => hs4 >= from && hs4 <= to;
const anyOf =
  (...ranges: Array<(hs4: string) => boolean>) =>
  (hs4: string) =>
    ranges.some((r) => r(hs4));

/** Headings of real buildings and builders' goods, which hold no model or toy of a building. */
const BUILDING_HEADINGS = new Set(['9406', '3925', '4418', '6810', '7308', '7610']);

/** Cooking, seasoning, mixing, stuffing, frying, juicing: a food preparation, not a raw product. */
const PREPARED_FOOD =
  /유탕|튀[기긴김]|양념|버무|소를\s*채|조미|시즈닝|혼합|조제|배합|착즙|농축액|캡슐|타정|정제\s*형태|(?:^|[^가-힣])정제(?:로|를|\s*\d)|당\s*절임|설탕\s*(?:시럽|물)에|시럽에\s*(?:담|절|침)|(?:수프|스프)(?:를|와|과|로|의|가)?(?![가-힣])|seasoned|fried|stuffed|prepar|mixed|juice|capsule|tablet|candied|(?:sugar|syrup)[-\s](?:infused|coated)|\bsoup\b/iu;

// Ch. 16 note 2: a food preparation with more than 20 % by weight of meat, blood, fish or crustaceans is of Ch. 16,
// stuffed pasta (19.02), sauces (21.03) and soups (21.04), which the note names, and pet food (23.09) aside (a sauce
// that is the goods, not one it is cooked with: 카레 소스를 넣어 조리한 닭고기 is still of meat; nor a salad made with
// mayonnaise, which leaves 21.03 for Ch. 16).
const MEAT = '소고기|쇠고기|우육|돼지고기|돈육|닭고기|계육|닭가슴살|오리고기|양고기|육류|beef|pork|chicken|meat';
const FISH = '어육|생선|연육|새우|게살|참치|연어|고등어|명태|오징어|surimi|fish|shrimp|tuna|salmon|squid';
/**
 * The word, then its share (over 20 %) within the words after it, before any other share or comma: "소고기(우육 등심
 * 슬라이스) 72%", "돼지고기 삼겹살과 목심을 두께 약 3mm로 얇게 썬 것(75%)".
 */
const over20 = (words: string) =>
  new RegExp(`(?:${words})[^,%]{0,40}?(?<![\\d.])(?:[2-9]\\d|100)(?:\\.\\d+)?\\s*%`, 'iu');
const NOT_CH16 =
  /만두|교자|딤섬|라비올리|속을\s*채운\s*(?:파스타|면)|dumpling|ravioli|(?:소스|수프|스프|육수)(?!\s*(?:를|을|와|과|에|및|로|으로))|\b(?:sauce|soup|broth)\b(?!\s+base)|사료|반려|애완|펫|pet\s*food|dog|cat/iu;

/** A mixture or preparation, or goods put up as a product (Ch. 28/29 note 1). */
const NOT_A_COMPOUND =
  /혼합|조제|배합|함유한|타정|정제\s*형태|(?:^|[^가-힣])정제(?:로|를|\s*\d)|캡슐|치약|크림|세제|소매\s*포장|만든|만들어|제조한\s*[가-힣]*품|mixture|preparation|tablet|capsule|cream|paste/iu;

/** The goods are an article made of plastics or rubber (not a primary form). */
const ARTICLE =
  /만든|만들어|성형한|사출|가공한|부착|조립|장착|용기|장갑|봉투|쇼핑백|필름을\s*열봉합|케이스|마개|호스|튜브|시트|매트|gloves?|bags?|pipe|tube|sheet|case|cover|article/iu;
const PRIMARY_FORM =
  /일차\s*제품|펠릿|pellet|granule|입상|분말\s*상?의\s*(수지|중합체)|중합체의\s*[가-힣]*\s*(분말|펠릿|액상)/iu;

/** Where goods used as food are classified: the food chapters, and salt, chemicals, food flavourings and gelatin. */
const EDIBLE = anyOf(
  within('0101', '2404'),
  within('2501', '2501'),
  within('2801', '2942'),
  within('3302', '3302'),
  within('3501', '3507'),
);

const CRUSTACEAN = '새우|꽃게|대게|킹크랩|가재|랍스터|바닷가재|크릴|shrimp|prawn|crab|lobster|crayfish|krill';

/** Headings of waste, scrap and spent or worn goods only. */
const WASTE_HEADINGS = new Set([
  '3915',
  '4004',
  '4707',
  '5003',
  '5103',
  '5202',
  '5505',
  '6309',
  '6310',
  '7001',
  '7112',
  '7204',
  '7404',
  '7503',
  '7602',
  '7802',
  '7902',
  '8002',
  '8549',
]);

export const WORKED_RULES: readonly WorkedRule[] = [
  {
    note: '제2·3류는 신선·냉장·냉동·염장·건조·훈제까지: 조리·조미·혼합하거나 밀폐용기에 넣은 육·어류는 제16류(껍데기째 찌거나 삶은 갑각류는 제0306호)',
    cue: new RegExp(
      `${PREPARED_FOOD.source}|증숙|자숙|삶[은아]|쪄서|찐\\s|익[힌혀]|조리|통조림|캔에|cooked|canned`,
      'iu',
    ),
    // 03.06 holds crustaceans cooked in their shell by steaming or boiling in water
    unless: new RegExp(
      `^(?=[\\s\\S]*(?:${CRUSTACEAN}))(?=[\\s\\S]*(?:껍[질데]기?\\s*째|껍질이\\s*붙은|in\\s+(?:the\\s+)?shell|shell-on))`,
      'iu',
    ),
    // 05.04's guts, bladders and stomachs are also fresh, chilled, frozen, salted, dried or smoked only
    headings: anyOf(within('0201', '0210'), within('0301', '0308'), within('0504', '0504')),
    towards: anyOf(within('1601', '1605'), within('1901', '1905'), within('2101', '2106')),
  },
  {
    note: '제16류 주 2: 육·설육·피를 전 중량의 100분의 20 넘게 함유한 조제 식료품은 제1601·1602호(속을 채운 제1902호, 제2103·2104호의 소스·수프, 반려동물 사료는 제외)',
    cue: over20(MEAT),
    unless: NOT_CH16,
    headings: anyOf(within('1603', '1605'), within('1901', '1905'), within('2001', '2008'), within('2103', '2106')),
    towards: within('1601', '1602'),
  },
  {
    note: '제16류 주 2: 어류·갑각류·연체동물을 전 중량의 100분의 20 넘게 함유한 조제 식료품은 제1603~1605호(속을 채운 제1902호, 제2103·2104호의 소스·수프, 반려동물 사료는 제외)',
    cue: over20(FISH),
    unless: NOT_CH16,
    headings: anyOf(within('1601', '1602'), within('1901', '1905'), within('2001', '2008'), within('2103', '2106')),
    towards: within('1603', '1605'),
  },
  {
    note: '제7·8·10·11·12류는 신선·냉장·냉동·건조 등 단순 가공까지: 조미·혼합·유탕·착즙한 것은 제19~21류',
    cue: PREPARED_FOOD,
    headings: anyOf(within('0701', '0714'), within('0801', '0814'), within('1001', '1214')),
    towards: anyOf(within('1901', '1905'), within('2001', '2009'), within('2101', '2106')),
  },
  {
    note: '제7·8·12류는 신선·냉장·냉동·건조까지: 굽거나 볶은 채소·견과·종자와 레토르트 살균한 것은 제20류',
    cue: /구운|볶은|굽고|볶아|로스팅|레토르트|roasted|retort/iu,
    headings: anyOf(within('0701', '0714'), within('0801', '0814'), within('1201', '1214')),
    towards: within('2001', '2008'),
  },
  {
    note: '제1501~1516호는 동식물성 유지와 그 분획물: 서로 다른 유지를 혼합하거나 조제한 식용 유지는 제1517호',
    // goods mixed or made up, not an additive named (혼합 토코페롤) nor what the oil is supplied for (캡슐 충전 원료)
    cue: /혼합(?:한|하여|[·ㆍ]\s*조제)|조제한|배합한|캡슐에\s*충전|\bmixtures?\s+of\b|\bprepar|\bblend(?:ed)?\b/iu,
    headings: within('1501', '1516'),
    towards: within('1517', '1517'),
  },
  {
    note: '제28·29류는 화학적으로 단일한 화합물만: 혼합물·조제품·정제·소매용 제품은 제30·33·34·38·21류 등',
    cue: NOT_A_COMPOUND,
    unless: /순도|purity|CAS\s*No|원료의약품|API\b/iu,
    headings: within('2801', '2942'),
    towards: anyOf(
      within('3003', '3006'),
      within('3303', '3307'),
      within('3401', '3405'),
      within('3801', '3826'),
      within('2106', '2106'),
    ),
  },
  {
    note: '제3901~3914호·제4001~4006호는 일차제품(액상·분말·펠릿 등): 만든 물품은 제3916~3926호·제4007~4017호',
    cue: ARTICLE,
    unless: PRIMARY_FORM,
    headings: anyOf(within('3901', '3915'), within('4001', '4006')),
    towards: anyOf(within('3916', '3926'), within('4007', '4017')),
  },
  {
    note: '제30류 주 1 가: 식품보충제·건강기능식품 등 식품과 음료는 의약품이 아니다(제2106호, 음료는 제2202호)',
    cue: /건강\s*기능\s*식품|건강\s*보조\s*식품|식품\s*보충제|영양\s*보충(?:제|용|\s*식품)|(?:food|dietary|health|nutritional)\s+supplement/iu,
    unless: /일반\s*의약품|전문\s*의약품|품목\s*허가/u,
    headings: within('3003', '3004'),
    towards: anyOf(within('2106', '2106'), within('2202', '2202')),
    inUse: true,
  },
  {
    note: '제2309호: 개·고양이 등 동물의 먹이로 조제한 것(반려동물 간식·사료)은 사람이 먹는 조제 식료품이나 육·어류가 아니다',
    cue: /^(?=[\s\S]*(?:반려\s*(?:견|묘|동물)|애완\s*(?:견|묘|동물)|강아지|고양이|\b(?:dogs?|cats?|pets?|puppy|kitten)\b))(?=[\s\S]*(?:간식|사료|먹이|급여|트릿|\btreats?\b|\bfood\b|\bchews?\b|\bjerky\b))/iu,
    headings: anyOf(
      within('0201', '0210'),
      within('0301', '0308'),
      within('1601', '1605'),
      within('1901', '1905'),
      within('2101', '2106'),
    ),
    // a hot dog is no dog's food, nor a bowl, a feeder or a box for pet food
    unless:
      /hot\s*dogs?|corn\s*dogs?|핫\s*도그|콘\s*도그|용기|그릇|급식기|급여기|보관|\b(?:bowls?|feeders?|dispensers?|containers?|storage)\b/iu,
    towards: within('2309', '2309'),
    inUse: true,
  },
  {
    note: '제8709호(작업트럭)·제8429호(불도저·굴삭기 등)는 자주식(自走式)만: 사람이 밀거나 끄는 운반기구는 제8716호',
    cue: /(?:사람이|손으로|인력으로)\s*(?:밀|끌|당기)|인력식|수동\s*(?:운반|대차|카트)|\b(?:pushed|pulled|propelled)\s+by\s+hand\b|\bhand[-\s](?:pushed|propelled|trucks?|carts?|trolley)\b|\bmanually\s+(?:pushed|pulled|propelled)\b/iu,
    headings: (h) => h === '8709' || h === '8429',
    towards: within('8716', '8716'),
    excludes: true,
  },
  {
    note: '제9406호(조립식 건축물)와 건축용 물품의 호(제3925·4418·6810·6901~6904·7308·7610호)는 실제 건축용: 건물을 본뜬 모형·완구(조립 블록 세트 등)는 제9503호',
    cue: /완구|장난감|모형|미니어처|\btoys?\b|\bscale\s+models?\b|\bminiatures?\b|만\s*\d+\s*세\s*이상/iu,
    headings: (h) => BUILDING_HEADINGS.has(h) || within('6901', '6904')(h),
    towards: within('9503', '9503'),
    excludes: true,
  },
  {
    note: '제7102·7103호는 천연의 다이아몬드·귀석·반귀석: 합성·재생한 것(랩그로운 다이아몬드 등)은 제7104호',
    cue: /합성\s*(?:다이아몬드|루비|사파이어|에메랄드|보석|원석)|인조\s*(?:다이아몬드|보석)|랩\s*그로운|lab[-\s]?grown|\bsynthetic\s+(?:diamond|ruby|sapphire|emerald|gem)|\bCVD\b|\bHPHT\b/iu,
    headings: within('7102', '7103'),
    towards: within('7104', '7104'),
  },
  {
    note: '웨이스트·스크랩의 호(제3915·4004·4707·7204·7404·7602·8549호 등)는 웨이스트·스크랩·수명이 끝난 물품만: 그렇다고 하지 않은 물품은 그 물품의 호',
    cue: /[\s\S]/u,
    unless:
      /웨이스트|스크랩|폐\s?[가-힣A-Za-z]|파쇄|분쇄한|재활용|재생\s*원료|부스러기|잔재|찌꺼기|절삭\s*칩|수명이\s*(?:끝난|다한)|사용하던|사용한|중고|넝마|헌\s|\b(?:wastes?|scraps?|spent|used|recycl\w*|regrind|flakes?|off-?cuts?|trimmings|parings|clippings|shavings|turnings|rags|worn)\b/iu,
    headings: (h) => WASTE_HEADINGS.has(h),
    towards: () => false,
    excludes: true,
  },
  {
    note: '제3401호는 비누와 비누로 쓰는 유기계면활성제품·피부세척용 조제품: 씻는다는 말이 없는 크림·로션은 그 쓰임의 호(제3304호 등)',
    cue: /[\s\S]/u,
    unless:
      /비누|세척|세정|세안|클렌[징저]|씻|폼클렌|바디\s*워시|핸드\s*워시|샴푸|계면활성|\b(?:soaps?|wash(?:es|ing)?|cleans(?:er|ing)|shampoo|surfactants?|surface-active)\b/iu,
    headings: within('3401', '3401'),
    towards: () => false,
    excludes: true,
  },
  {
    note: '제8534호는 인쇄회로(소자를 실장하지 않은 기판): 능동·수동 소자를 실장한 인쇄회로조립품(PBA·PCBA)은 그 기능이나 쓰이는 기계의 호',
    cue: /(?:소자|부품|칩|IC|집적회로|MCU|마이크로컨트롤러|릴레이|커넥터|저항|콘덴서|커패시터|트랜지스터)[^.。]{0,40}?실장|실장(?:한|된)\s*(?:인쇄회로|기판|PCB)|\bPCBA\b|\bPBA\b|printed\s+circuit\s+(?:board\s+)?assembl|\bPCB\s+assembl|components?\s+mounted/iu,
    headings: within('8534', '8534'),
    towards: () => false,
    excludes: true,
  },
  {
    note: '제3403호 윤활제는 석유·역청유 함유량이 전 중량의 100분의 70 미만인 것: 100분의 70 이상인 윤활유·그리스는 제2710호',
    cue: /(?:광유|광물유|기유|석유|베이스\s*오일|mineral\s+oil|base\s+oil|petroleum\s+oil)[^%.]{0,12}?(?:[7-9]\d|100)(?:\.\d+)?\s*%/iu,
    headings: within('3403', '3403'),
    towards: within('2710', '2710'),
    excludes: true,
  },
  {
    note: '제1505호는 울 그리스(양모에서 얻은 지방성 물질, 라놀린): 기유에 증주제를 넣은 윤활 그리스는 제2710호나 제3403호',
    cue: /(?:윤활|베어링|리튬|칼슘|나트륨|우레아|광유|기유|합성유|NLGI|적점|lubricat|bearing|lithium|calcium|urea|base\s+oil|dropping\s+point)[^.。]{0,30}?(?:그리스|grease)|(?:그리스|grease)[^.。]{0,30}?(?:윤활|베어링|NLGI|적점|기유|lubricat|bearing|base\s+oil)/iu,
    unless: /양모|라놀린|\bwool\b|lanolin/iu,
    headings: within('1505', '1505'),
    towards: anyOf(within('2710', '2710'), within('3403', '3403')),
    excludes: true,
  },
  {
    note: '제6813호는 장착하지 않은 마찰재와 그 제품: 백플레이트·슈에 장착한 브레이크 패드·라이닝은 장착된 기계·차량의 부분품(제8708·8714·8431호 등)',
    cue: /(?:백|배킹|받침|베이스)\s*플레이트|브레이크\s*슈에|(?:철판|강판|금속판)에\s*(?:접착|부착|성형|결합)|\b(?:backing|back|steel)\s*plates?\b|\bmounted\s+on\b/iu,
    headings: within('6813', '6813'),
    towards: () => false,
    excludes: true,
  },
  {
    note: '제1905호·제9602호의 캡슐은 빈 캡슐: 내용물을 충전한 캡슐은 그 껍질(젤라틴, 제3503호)이 아니라 내용물의 호',
    cue: /캡슐에\s*(?:충전|넣|채)|(?:충전|채운|넣은)\s*(?:연질|경질)?\s*캡슐|연질\s*캡슐|소프트\s*젤|\bsoft-?gels?\b|\bfilled\s+capsules?\b/iu,
    headings: anyOf(within('1905', '1905'), within('3503', '3503'), within('9602', '9602')),
    towards: () => false,
  },
  {
    note: '제2707호는 방향족 성분이 비방향족 성분보다 많은 것: 비방향족 성분이 더 많은 경질유·조제품은 제2710호',
    cue: /비방향족\s*(?:성분|탄화수소)?[이가]?\s*방향족\s*(?:성분|탄화수소)?(?:을|를|보다)?\s*(?:초과|많)|non-?aromatic\s+(?:constituents?|components?|hydrocarbons?)?\s*(?:exceed|predominat)/iu,
    headings: within('2707', '2707'),
    towards: within('2710', '2710'),
  },
  {
    note: '용도가 식용이거나 건강기능식품으로 신고된 물품은 식품(제1~24류)이나 식용 가능한 소금·화학품·젤라틴 등(제2501호, 제28·29류, 제3302호, 제35류)이다: 윤활제·의약품·조제품은 아니다',
    // the stated use, or goods declared as a health functional food (건강기능식품으로 신고됨), which is a food by law
    cue: /용도\s*[:：]\s*식용(?![가-힣])|건강\s*기능\s*식품(?:임|이며|으로\s*(?:신고|판매|허가|등록))/u,
    headings: (hs4) => !EDIBLE(hs4),
    towards: () => false,
    inUse: true,
  },
];

/** The description without its 용도 (use) sentences: what the goods are used for does not say how they are worked. */
export function goodsText(text: string): string {
  return text.replace(/용도\s*[:：)）][^\n※]*/gu, ' ');
}

/**
 * What was not done to the goods ("조미나 가열 처리를 하지 않은", "익히지 않은") and what they are made into ("튀김·볶음
 * 요리의 원료로 사용함"): words that say how far the goods are worked, but not of these goods. (At most three joined
 * words: a joiner such as 나 is a syllable too, so an unbounded list backtracks without end on a long run.)
 */
const NOT_DONE_TO_GOODS =
  /(?:[가-힣]{1,8}(?:(?:이나|나|와|과|및)\s+|[·ㆍ]\s*)){0,3}[가-힣]{1,8}?(?:\s+(?:처리|공정|과정)(?:를|을))?\s*(?:하|되)?지도?\s*않[은음고았]|(?:[가-힣]{1,8}(?:·|ㆍ|,\s*)){0,3}[가-힣]{1,8}(?:\s+[가-힣]{1,8})?의\s*(?:원료|원재료|재료)로\s*(?:사용|쓰|이용)/gu;

/** The rules whose cue is in `text` (and whose counter-cue is not). */
export function workedRulesFor(text: string): WorkedRule[] {
  const goods = goodsText(text).replace(NOT_DONE_TO_GOODS, ' ');
  let whole: string | undefined;
  const wholeText = () => {
    if (whole === undefined) whole = text.replace(NOT_DONE_TO_GOODS, ' ');
    return whole;
  };
  return WORKED_RULES.filter((r) => {
    const read = r.inUse ? wholeText() : goods;
    return r.cue.test(read) && !(r.unless?.test(read) ?? false);
  });
}

// Cooked or not: the lines of uncooked pasta (19.02.11, 19.02.19: 조리하지 않은 파스타) hold no noodles steamed or
// fried (라면 is 19.02.30) nor dumplings steamed before freezing (19.02.20); their words are the same.

/** Cooking done to the goods (what was not done is taken out first: 익히지 않은). */
const COOKED =
  /익혀|익힌|증숙|자숙|쪄서|찐\s|삶아|삶은|튀겨|튀긴|유탕|조리한|조리된|\b(?:pre)?cooked\b|\bfried\b|\bsteamed\b/iu;
/** A line for uncooked goods only (not "조리하지 않은 것이나 물에 삶거나 쪄서 조리한 것", 07.10). */
const UNCOOKED = /조리하지 않은|\buncooked\b/u;
const ALSO_COOKED = /삶거나|쪄서|찐 것|조리한 것인지|cooked by|or cooked/u;

/** Whether the goods are said to be cooked (steamed, boiled, fried). */
export const isCooked = (goods: string): boolean => COOKED.test(goods.replace(NOT_DONE_TO_GOODS, ' '));

/** Whether a line's own wording (lowercase) holds uncooked goods only. */
export const uncookedOnly = (wording: string): boolean => UNCOOKED.test(wording) && !ALSO_COOKED.test(wording);

// Light oils (Chapter 27 subheading note 4): petroleum oils of which 90 % or more by volume distils at 210 °C by the
// ASTM D 86 method are of 2710.12; "other" (medium and heavy) oils of 2710.19. Their words are the same oils.

/** 90 % or more distilled at 210 ℃, said either way round ("210℃에서 90% 이상 증류", "90 % distils at 210 °C"). */
const LIGHT_OIL =
  /210\s*(?:℃|°\s*C)[^.;\n]{0,30}?(?:9\d|100)(?:\.\d+)?\s*%(?!\s*미만)|(?:9\d|100)(?:\.\d+)?\s*%(?!\s*미만)[^.;\n]{0,30}?210\s*(?:℃|°\s*C)/iu;

/** Whether the goods state the distillation of a light oil (2710.12), which rules out 2710.19's other oils. */
export const isLightOil = (goods: string): boolean => LIGHT_OIL.test(goods);

// Precious and semi-precious stones (71.02–71.04): the rough lines hold stones unworked or simply sawn, cleaved or
// roughly shaped (원석, 단순히 톱질한 것); a stone cut or polished is worked, though it was grown or mined as 원석.
const POLISHED =
  /연마한|연마된|연마하여|브릴리언트|커팅한|컷팅한|\bcut\s+and\s+polished\b|\bpolished\b|\bfaceted\b|brilliant[-\s]cut/iu;

/** Whether a stone is said to be cut or polished (what was not done to it taken out first). */
export const isPolished = (goods: string): boolean => POLISHED.test(goods.replace(NOT_DONE_TO_GOODS, ' '));

/** Whether a line (its Korean name and path) holds rough stones only. */
export const roughOnly = (koreanWording: string): boolean => /단순히 톱질/u.test(koreanWording);

// How vehicles are propelled (87.02–87.04): the subheadings split into vehicles with an engine only, with both an
// engine and an electric motor (hybrids), and with an electric motor only. The words of all of them say 전동기.

const ELECTRIC_ONLY =
  /전기로만|전동기만|모터만|배터리\s*전기\s*(?:차|자동차|승용차|트럭|버스)|순수\s*전기|\bBEV\b|battery[-\s]electric|(?:electric|motor)\s+only|only\s+(?:an?\s+)?electric/iu;
const HYBRID = /하이브리드|hybrid|\bHEV\b|\bPHEV\b|내연기관과\s*(?:추진용\s*)?(?:전동기|모터)/iu;

/** How the goods say they are propelled: by an electric motor only, as a hybrid, or unsaid. */
export function propulsionOf(goods: string): 'electric' | 'hybrid' | null {
  const electric = ELECTRIC_ONLY.test(goods);
  const hybrid = HYBRID.test(goods);
  return electric === hybrid ? null : electric ? 'electric' : 'hybrid';
}

/**
 * The propulsion a line of a motor vehicle (buses, cars, lorries: 87.02–87.04) is for, by its wording: 'hybrid' (an
 * engine and a motor, 둘 다 갖춘), 'electric' (전동기만을 갖춘), else null (and for any other heading's line).
 */
export function propulsionOfLine(hs10: string, wording: string): 'electric' | 'hybrid' | null {
  const hs4 = hs10.slice(0, 4);
  if (hs4 < '8702' || hs4 > '8704') return null;
  if (/둘 다 갖춘/u.test(wording)) return 'hybrid';
  return /전동기만을 갖춘/u.test(wording) ? 'electric' : null;
}

// The state of raw food (Ch. 2, 3, 7, 8): fresh or chilled, frozen, dried. The headings and subheadings split by it
// (07.10 frozen vegetables, 07.12 dried, 07.13 dried leguminous vegetables), but the name of the vegetable is in
// them all, so n-gram retrieval cannot tell "냉동 강낭콩" from a dried one. A line whose wording names only states
// the item's description does not name loses a share.

/** Bits of the states of raw food. */
export const STATE = { fresh: 1, frozen: 2, dried: 4 } as const;

/** Chapters whose headings and subheadings are split by the state of the goods. */
export const isStateChapter = (hs4: string) => /^(02|03|07|08)/u.test(hs4);

const FREEZE_DRIED = /동결\s*건조|냉동\s*건조|freeze[-\s]?dried/giu;
const STATE_CUES: ReadonlyArray<readonly [number, RegExp]> = [
  [STATE.fresh, /신선|냉장|\b(fresh|chilled)\b/iu],
  [STATE.frozen, /냉동|\bfrozen\b/iu],
  [STATE.dried, /건조|말린|\b(dried|dry)\b/iu],
];
/** Storage, and the machines and rooms that chill, freeze or dry: no state of the goods (냉장 보관, 냉동고, 건조기). */
const NOT_A_STATE =
  /(냉장|냉동)\s*(보관|유통|상태로\s*보관)|(냉장|냉동|건조)\s*(고|기|실|창고|장치|설비)(?![가-힣])|keep\s+(refrigerated|frozen)|\b(refrigerators?|freezers?|dryers?)\b/giu;

/** The states `text` names (a bit mask; 0 when none). Freeze-dried goods are dried; "keep refrigerated" is no state. */
export function statesOf(text: string): number {
  let mask = 0;
  let rest = text.replace(NOT_A_STATE, ' ');
  const thawed = rest.replace(FREEZE_DRIED, ' ');
  if (thawed !== rest) mask |= STATE.dried;
  rest = thawed;
  for (const [bit, cue] of STATE_CUES) if (cue.test(rest)) mask |= bit;
  return mask;
}

// Opposites the tariff spells with "비(非)-" / "non-": 7214 비합금강 and 7228 합금강, 5407.52 텍스처드 and 5407.61
// 비(非)텍스처드. Character n-grams see the same word in both, so a line requiring the opposite of what the item
// says loses a share. Only terms whose "비" is a true negation are listed (비금속 is mostly 卑金屬, base metal).

/** A property the tariff splits by its negation: its Korean word and its English stem. */
interface Negatable {
  readonly ko: string;
  readonly en: string;
  /** Other names of the property itself (kinds of alloy steel: 스테인리스강, 공구강). */
  readonly kinds?: string;
}

export const NEGATABLE: readonly Negatable[] = [
  {
    ko: '합금강',
    en: 'alloy',
    kinds: '스테인리스|합금공구강|공구강|고속도강|stainless|tool steel|high[- ]speed steel',
  },
  { ko: '텍스처드', en: 'textured' },
  { ko: '방향족', en: 'aromatic' },
  { ko: '전기식', en: 'electric' },
  { ko: '휘발성', en: 'volatile' },
  { ko: '수성', en: 'aqueous' },
  { ko: '내화성', en: 'refractory' },
  { ko: '할로겐화', en: 'halogenated' },
];

/** Per term of NEGATABLE: its negated form and its plain form (not inside a longer word: 내수성 is not 수성). */
const NEGATABLE_FORMS = NEGATABLE.map(({ ko, en, kinds }) => ({
  negated: new RegExp(`비\\s*(?:[(（]\\s*非\\s*[)）])?\\s*${ko}|\\bnon[-\\s]?${en}`, 'giu'),
  plain: new RegExp(`(?<![가-힣])(?:${ko}${kinds ? `|${kinds}` : ''})|(?<![a-z-])${en}`, 'iu'),
}));

/** Any negatable term at all (most texts have none: one test instead of sixteen). */
const ANY_NEGATABLE = new RegExp(
  NEGATABLE.flatMap(({ ko, en, kinds }) => [ko, en, ...(kinds ? [kinds] : [])]).join('|'),
  'iu',
);

/** Per term of NEGATABLE: 0 unnamed, 1 named, 2 negated, 3 both (two bits per term). */
export function polarities(text: string): number {
  if (!ANY_NEGATABLE.test(text)) return 0;
  let out = 0;
  NEGATABLE_FORMS.forEach(({ negated, plain }, i) => {
    const rest = text.replace(negated, ' ');
    const p = (rest === text ? 0 : 2) | (plain.test(rest) ? 1 : 0);
    out |= p << (2 * i);
  });
  return out;
}

/** Whether a line of polarities `line` requires the opposite of what an item of polarities `item` says. */
export function contradicts(line: number, item: number): boolean {
  for (let i = 0; i < NEGATABLE.length; i++) {
    const l = (line >> (2 * i)) & 3;
    const q = (item >> (2 * i)) & 3;
    if ((l === 1 && q === 2) || (l === 2 && q === 1)) return true;
  }
  return false;
}

/** A word the rules read in an item, in Korean and English (shown to the officer beside the suggestion). */
export interface Reading {
  readonly ko: string;
  readonly en: string;
}

const FIBRE_WORDS = new Map<number, Reading>([
  [FIBRE.cotton, { ko: '면 위주', en: 'mainly cotton' }],
  [FIBRE.wool, { ko: '양모 위주', en: 'mainly wool' }],
  [FIBRE.silk, { ko: '견 위주', en: 'mainly silk' }],
  [FIBRE.flax, { ko: '아마 위주', en: 'mainly flax' }],
  [FIBRE.synthetic, { ko: '합성섬유 위주', en: 'mainly synthetic fibres' }],
  [FIBRE.artificial, { ko: '재생·반합성섬유 위주', en: 'mainly artificial fibres' }],
]);

const STATE_WORDS: ReadonlyArray<readonly [number, Reading]> = [
  [STATE.fresh, { ko: '신선·냉장', en: 'fresh or chilled' }],
  [STATE.frozen, { ko: '냉동', en: 'frozen' }],
  [STATE.dried, { ko: '건조', en: 'dried' }],
];

/**
 * What the rules act on in `goods`: the negatable properties it names (of `terms`), its states (raw food), its
 * fabric and wearers (clothing) and the textile material predominating (textiles) when asked for.
 */
export function readingsOf(
  goods: string,
  {
    states: withStates = true,
    fabric: withFabric = true,
    fibre: withFibre = true,
    /** Polarities (as `polarities` gives them) whose terms are worth naming: those of the suggested lines. */
    terms = ~0,
  } = {},
): Reading[] {
  const out: Reading[] = [];
  const states = withStates ? statesOf(goods) : 0;
  for (const [bit, word] of STATE_WORDS) if (states & bit) out.push(word);
  const fabric = withFabric ? fabricOf(goods) : null;
  if (fabric) out.push(fabric === 'knitted' ? { ko: '편물', en: 'knitted' } : { ko: '직물', en: 'woven' });
  const wearers = withFabric ? wearersOf(goods) : 0;
  if (wearers === 1) out.push({ ko: '남성용', en: "men's or boys'" });
  if (wearers === 2) out.push({ ko: '여성용', en: "women's or girls'" });
  const fibre = withFibre ? FIBRE_WORDS.get(predominantFibre(goods)) : undefined;
  if (fibre) out.push(fibre);
  const said = polarities(goods);
  NEGATABLE.forEach(({ ko, en }, i) => {
    if (((terms >> (2 * i)) & 3) === 0) return;
    const p = (said >> (2 * i)) & 3;
    if (p & 1) {
      // a kind of it is named as found: 합금강(스테인리스)
      const { negated, plain } = NEGATABLE_FORMS[i]!;
      const found = plain.exec(goods.replace(negated, ' '))?.[0] ?? ko;
      const kind = found === ko || found.toLowerCase() === en ? '' : found;
      out.push(kind ? { ko: `${ko}(${kind})`, en: `${en} (${kind})` } : { ko, en });
    }
    if (p & 2) out.push({ ko: `비${ko}`, en: `non-${en}` });
  });
  return out;
}

// Put up for retail sale (3506.10's glues of 1 kg or less, 1901.10, 2309.10, 3212.90): the goods say they are packed
// for retail (소매포장, 블리스터), not that they are not (소매용이 아닌, 벌크).
const RETAIL = /소매\s*(?:용|포장)|블리스터|\bretail\b|\bblister\b/iu;
const NOT_RETAIL = /소매용이\s*아닌|소매용으로\s*하지\s*않은|비소매|not\s+(?:put\s+up\s+)?for\s+retail/iu;

/** Whether the goods are said to be put up for retail sale. */
export const isPutUpForRetail = (goods: string): boolean => RETAIL.test(goods) && !NOT_RETAIL.test(goods);
