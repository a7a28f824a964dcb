// Everyday names the tariff does not use. An officer types "노트북" or "와인"; the HSK says 휴대용 자동자료처리기계
// and 포도주, and no character n-gram links the two. Each entry adds the tariff's own words to a query that names
// the goods the everyday way (the query keeps its words too). Written from the tariff's wording, not from any
// ruling; only names whose tariff term shares no n-gram with them, or that the tariff uses for something else
// (its 노트북 is a paper notebook), are here.

import { NOT_A_FIBRE } from './_hs-textiles.ts';

interface TariffWords {
  /** The everyday name (and what must not follow it, where it would name something else). */
  readonly when: RegExp;
  readonly unless?: RegExp;
  /** The tariff's words for the same goods. */
  readonly add: string;
}

const ALIASES: readonly TariffWords[] = [
  // machines and electronics
  {
    when: /노트북|랩톱|laptop|notebook\s*(pc|computer)|맥북|macbook|태블릿\s*pc|tablet\s*pc|아이패드|ipad/iu,
    unless: /종이|스프링|공책|paper|가방|백팩|backpack|bag|케이스|case|파우치|pouch|sleeve|거치대|stand|부품|part/iu,
    add: '휴대용 자동자료처리기계 portable automatic data processing machine',
  },
  { when: /컴퓨터|데스크톱|desktop|\bpc\b/iu, unless: /노트북|랩톱|laptop/iu, add: '자동자료처리기계' },
  {
    when: /(?:^|[^가-힣])(cpu|gpu)\b|프로세서|processor/iu,
    unless: /모듈|module|plc|controller|보드|board/iu,
    add: '프로세서 전자집적회로',
  },
  {
    when: /(?:^|[^가-힣a-z])(d?ram|ssd|usb\s*메모리|usb\s*드라이브|메모리\s*카드|sd\s*카드)(?![a-z])/iu,
    add: '메모리 비휘발성 반도체 저장장치 솔리드 스테이트',
  },
  {
    when: /휴대폰|핸드폰|휴대\s*전화|셀룰러폰|cell\s*phone|mobile\s*phone|갤럭시|아이폰|iphone/iu,
    unless: /케이스|case|필름|거치대|충전기|charger|어댑터|adapt|배터리|밧데리|battery|부품|part|브래킷|bracket/iu,
    add: '스마트폰 전화기 셀룰러 통신망용',
  },
  { when: /에어컨|air\s*condition/iu, add: '공기조절기' },
  { when: /선풍기|서큘레이터|desk\s*fan|electric\s*fan/iu, add: '팬 탁상용 전동기' },
  { when: /(?:^|[^가-힣])(tv|티비)(?:$|[^a-z])|텔레비전|television/iu, add: '텔레비전 수신기기' },
  { when: /보조\s*배터리|파워\s*뱅크|power\s*bank/iu, add: '리튬이온 축전지' },
  { when: /배터리|battery|batteries/iu, unless: /충전기|charger|건전지|알카라인|alkaline/iu, add: '축전지 전지' },
  { when: /충전기|charger|어댑터|adapter|adaptor/iu, add: '정지형 변환기' },
  { when: /에어\s*프라이어|air\s*fryer|전기\s*그릴|전기\s*오븐/iu, add: '전열식 조리기기 오븐' },
  { when: /전자레인지|microwave/iu, add: '마이크로웨이브 오븐' },
  { when: /드라이기|헤어\s*드라이/iu, add: '헤어드라이어' },
  { when: /무선\s*이어폰|블루투스\s*이어폰|earbuds|에어팟|airpods/iu, add: '이어폰 헤드폰 무선' },
  { when: /led\s*(전구|등|조명|램프)|led\s*bulb/iu, add: '발광다이오드(LED) 램프 광원' },
  { when: /전동\s*킥보드|e-?scooter/iu, add: '모터사이클 전동기 구동' },
  // vehicles
  // the car itself only: the name ends with it ("자동차 브레이크 패드" is a part)
  { when: /(자동차|승용차|세단|suv|sedan|passenger\s*car)\s*(\(|$)/iu, add: '승용자동차' },
  {
    // and electric cars known by their model (테슬라 모델 Y, 아이오닉 5), not a toy or a part of them
    when: /전기\s*(자동)?차|electric\s*(vehicle|car)|(?:^|[^a-z])ev(?:$|[^a-z])|(?:테슬라|tesla)\s*(?:모델|model)\s*[3sxy](?![a-z])|(?:아이오닉|ioniq)\s*[56](?!\d)/iu,
    unless:
      /충전기|부품|배터리|매트|커버|케이스|모형|장난감|다이캐스트|완구|toy|model\s*kit|diecast|mat\b|cover\b|case\b/iu,
    add: '승용자동차 구동용 전동기만 갖춘 것',
  },
  { when: /오토바이|스쿠터|motorcycle|motorbike/iu, add: '모터사이클' },
  // food and drink
  {
    when: /와인|wine/iu,
    unless: /잔|글라스|glass|쿨러|cooler|오프너|opener|리스|lees|식초|vinegar/iu,
    add: '포도주 신선한 포도로 만든 것',
  },
  { when: /샴페인|스파클링\s*와인|champagne|sparkling\s*wine/iu, add: '스파클링 포도주' },
  { when: /소고기|쇠고기|우육/iu, add: '쇠고기 소의 것 bovine' },
  { when: /돼지고기|돈육/iu, add: '돼지의 것 swine' },
  { when: /닭고기|계육|닭가슴살/iu, add: '닭의 것 fowls gallus domesticus' },
  { when: /계란|달걀|(?:^|\s)eggs?(?:$|\s)/iu, add: '새의 알 닭의 것 껍데기가 붙은 것' },
  { when: /우유|(?:^|\s)milk(?:$|\s)/iu, unless: /초콜릿|분유|powder/iu, add: '밀크 농축하지 않은 것' },
  { when: /요거트|yogurt|yoghurt/iu, add: '요구르트' },
  { when: /영양제|건강\s*기능\s*식품|건강\s*보조\s*식품|dietary\s*supplement/iu, add: '조제 식료품 그 밖의 것' },
  { when: /생수|먹는\s*샘물|mineral\s*water|bottled\s*water/iu, add: '광천수 물' },
  { when: /콜라|사이다|탄산\s*음료|soft\s*drink|soda(?:$|\s)/iu, add: '물 탄산수 설탕이나 그 밖의 감미료를 첨가한 것' },
  { when: /주스|juice/iu, add: '과실 주스 채소 주스 발효하지 않은 것' },
  { when: /과자|스낵|쿠키|cookie|biscuit/iu, add: '비스킷 베이커리 제품' },
  // cosmetics and household
  {
    when: /로션|스킨\s*케어|크림|에센스|세럼|serum|lotion/iu,
    unless: /아이스\s*크림|ice\s*cream|휘핑|whipp|생크림/iu,
    add: '기초화장용 제품류 미용이나 메이크업용 제품류',
  },
  { when: /선\s*크림|선\s*블록|자외선\s*차단|sunscreen|sun\s*cream/iu, add: '선탠용 제품류 기초화장용' },
  { when: /립스틱|립밤|lipstick|lip\s*balm/iu, add: '입술화장용 제품류' },
  { when: /마스카라|아이\s*섀도|아이\s*라이너|mascara|eyeshadow/iu, add: '눈화장용 제품류' },
  { when: /생리대|sanitary\s*pad/iu, add: '생리대 위생 타월 탐폰' },
  { when: /장난감|(?:^|\s)toys?(?:$|\s)/iu, add: '완구' },
  { when: /운동화|스니커즈|sneakers?|running\s*shoes/iu, add: '스포츠용 신발 트레이닝화 신발' },
  { when: /소파|sofa|couch/iu, add: '의자 덮개를 씌운 것 침대로 겸용' },
  { when: /카시트|car\s*seat/iu, add: '자동차에 사용하는 의자' },
  // clothing, household goods, tools, leisure
  {
    when: /스웨터|후드\s*티|맨투맨|니트\s*(티|웨어)?(?:$|\s)|sweater|hoodie|sweatshirt|cardigan/iu,
    add: '저지 풀오버 카디건 메리야스 편물',
  },
  {
    when: /패딩|다운\s*(재킷|자켓|점퍼)|방한\s*점퍼|puffer|down\s*jacket|parka/iu,
    add: '아노락 윈드재킷 방한용 오버코트',
  },
  { when: /청바지|jeans/iu, add: '바지 데님 면' },
  { when: /텀블러|보온병|thermos|tumbler/iu, unless: /건조기|dryer/iu, add: '진공 플라스크 보온 용기' },
  { when: /프라이팬|냄비|frying\s*pan|saucepan|\bpot\b/iu, add: '주방용품 식탁용품 조리용' },
  {
    when: /전동\s*드릴|충전\s*드릴|임팩트\s*드릴|cordless\s*drill|power\s*drill/iu,
    add: '동력 수공구 전동기를 갖춘 것 드릴',
  },
  { when: /블랙박스|dash\s*cam/iu, add: '비디오카메라 레코더 영상 기록' },
  { when: /내비게이션|네비게이션|navigation|(?:^|\s)gps(?:$|\s)/iu, add: '무선항행용 수신기기' },
  { when: /게임기|플레이스테이션|playstation|닌텐도|nintendo|xbox|game\s*console/iu, add: '비디오게임 콘솔' },
  { when: /레고|lego|블록\s*장난감|building\s*blocks/iu, add: '완구 조립용 세트' },
  { when: /안마기|마사지기|안마\s*의자|massage/iu, add: '마사지용 기기 기계요법용' },
  { when: /체온계|thermometer/iu, add: '온도계' },
  { when: /혈압계|blood\s*pressure/iu, add: '혈압' },
  // audio, network, power, light
  { when: /스피커|speaker/iu, add: '확성기' },
  { when: /마이크|microphone/iu, unless: /마이크로/iu, add: '마이크로폰' },
  { when: /헤드셋|headset/iu, add: '헤드폰 이어폰 마이크로폰 결합' },
  { when: /공유기|라우터|router/iu, add: '라우팅 네트워크 송신 수신 기기' },
  { when: /건전지|알카라인|망간\s*전지|alkaline/iu, add: '일차전지' },
  { when: /손전등|랜턴|flashlight|torch/iu, add: '휴대용 전등' },
  // bags, clothing, shoes, jewellery
  { when: /캐리어|여행\s*가방|suitcase|luggage/iu, add: '슈트케이스 트렁크 여행용' },
  { when: /백팩|(?:^|\s)backpack/iu, unless: /노트북|laptop/iu, add: '배낭' },
  { when: /운동복|트레이닝\s*(복|바지)|tracksuit/iu, add: '트랙슈트' },
  { when: /슬리퍼|쪼리|flip[-\s]?flops?|slippers?/iu, add: '신발 바깥 바닥과 갑피를 고무나 플라스틱으로 만든 것' },
  { when: /귀걸이|목걸이|반지|팔찌|earrings?|necklace|bracelet/iu, add: '신변장식용품' },
  // paper, household, personal care
  { when: /종이컵|paper\s*cups?/iu, add: '종이제 컵 접시 쟁반' },
  { when: /휴지|화장지|두루마리|toilet\s*(paper|tissue)/iu, add: '화장지' },
  {
    when: /샴푸|린스|컨디셔너|트리트먼트|헤어\s*(에센스|오일)|shampoo|conditioner/iu,
    unless: /air\s*condition|에어컨/iu,
    add: '두발용 제품류',
  },
  { when: /바디\s*워시|폼\s*클렌징|클렌저|body\s*wash|cleanser/iu, add: '유기계면활성제 피부 세척용 제품' },
  { when: /머그|mug/iu, add: '도자제 식탁용품 컵' },
  // sport
  {
    when: /아령|덤벨|러닝\s*머신|트레드밀|헬스\s*기구|운동\s*기구|dumbbell|treadmill/iu,
    add: '일반 체육 체조 육상 운동용 기구',
  },
  { when: /헬멧|helmet/iu, add: '안전모' },
  // food and drink
  {
    when: /사탕|캔디|젤리|candy|gumm(y|ies)/iu,
    unless: /초콜릿|chocolate/iu,
    add: '설탕과자 코코아를 함유하지 않은 것',
  },
  { when: /(?:^|\s)껌(?:$|\s)|chewing\s*gum/iu, add: '추잉껌' },
  { when: /(?:^|\s)꿀(?:$|\s)|honey/iu, add: '천연꿀' },
  { when: /(?:^|\s)햄(?:$|\s)|스팸|베이컨|(?:^|\s)ham(?:$|\s)|bacon/iu, add: '조제하거나 보존처리한 육 돼지' },
  { when: /분유|infant\s*formula/iu, add: '유아용 조제 식료품 밀크' },
  { when: /막걸리|makgeolli/iu, add: '탁주' },
  { when: /고춧가루|chili\s*powder/iu, add: '고추속 열매 건조 분쇄' },
  { when: /마요네즈|mayonnaise/iu, add: '소스 혼합 조미료' },
  // Abbreviations of components, as declarations and rulings write them (a display panel alone, not the TV or phone
  // built around it). Not of materials: the description names the material in Korean already, and a second mention
  // pulled a PVC pipe and a PE bag to the plates and sheets of their plastics.
  { when: /(?<![a-z])mdf(?![a-z])/iu, add: '섬유판 중밀도' },
  { when: /(?<![a-z])pcba?(?![a-z])/iu, add: '인쇄회로' },
  { when: /(?<![a-z])(ic|asic|mcu|soc)(?![a-z])\s*(칩|chip)?/iu, unless: /카드|card/iu, add: '전자집적회로' },
  {
    when: /(?<![a-z])lcd(?![a-z])/iu,
    unless: /(?<![a-z])tv(?![a-z])|티비|텔레비전|television|모니터|monitor|노트북|laptop|폰|phone/iu,
    add: '액정 디바이스 평판디스플레이',
  },
  {
    when: /(?<![a-z])oled(?![a-z])/iu,
    unless: /(?<![a-z])tv(?![a-z])|티비|텔레비전|television|모니터|monitor|노트북|laptop|폰|phone/iu,
    add: '유기발광다이오드',
  },
  { when: /(?<![a-z])mlcc(?![a-z])/iu, add: '적층 세라믹 유전체 축전기 고정식' },
  {
    when: /(?<![a-z])(bldc|dc|ac)?\s*모터(?![가-힣])|(?<![a-z])motor(?![a-z])/iu,
    unless: /사이클|cycle|바이크|bike|자동차|vehicle/iu,
    add: '전동기',
  },
  {
    when: /(?<![a-z])(smps|ups)(?![a-z])|인버터|inverter|파워\s*서플라이|power\s*supply/iu,
    unless: /에어컨|air\s*condition|냉장고|세탁기/iu,
    add: '정지형 변환기',
  },
  { when: /태양\s*전지|solar\s*cell/iu, add: '광전지' },
  { when: /(?<![가-힣])(2차|이차)\s*전지|secondary\s*batter/iu, add: '축전지' },
];

/** The tariff's words for the everyday names in `text` (empty when it names none), to be added to the query. */
export function tariffWordsFor(text: string): string {
  return wordsFor(ALIASES, text);
}

/** The tariff's words of every entry of `table` that `text` names (and does not exclude). */
function wordsFor(table: readonly TariffWords[], text: string): string {
  return table
    .filter((a) => a.when.test(text) && !(a.unless?.test(text) ?? false))
    .map((a) => a.add)
    .join(' ');
}

/**
 * Fibres by their trade names, with the tariff's words for their kind: textiles and clothing split by fibre (61.10.11
 * 양모, 61.10.30 합성섬유), and declarations name the fibre (울, 폴리에스테르, 실크), which no n-gram links to the
 * tariff's word. Read from the whole description, where the fibre is stated.
 */
const FIBRES: readonly TariffWords[] = [
  {
    when: /(?:^|[^가-힣])울(?![가-힣])|메리노|캐시미어|알파카|모헤어|\b(wool|merino|cashmere|alpaca|mohair)\b/iu,
    unless: NOT_A_FIBRE,
    add: '양모 동물의 부드러운 털',
  },
  { when: /실크|\bsilk\b/iu, add: '견' },
  {
    when: /폴리에스테르|나일론|폴리아미드|아크릴\s*섬유|스판덱스|폴리우레탄\s*섬유|\b(polyester|nylon|polyamide|spandex|elastane)\b/iu,
    add: '합성섬유',
  },
  {
    when: /레이온|비스코스|모달|텐셀|라이오셀|아세테이트\s*섬유|\b(rayon|viscose|modal|lyocell|tencel)\b/iu,
    add: '재생 반합성섬유',
  },
];

/** The tariff's words for the fibres `description` states (empty when it states none). */
export function fibreWordsFor(description: string): string {
  return wordsFor(FIBRES, description);
}
