/** Name material: Korean company names with legal-form variants, Korean person names, overseas seller names. */
import type { Group } from './catalog-spec.ts';
import type { Rng } from './random.ts';

/** [Korean, romanised] stems. */
const STEMS: [string, string][] = (
  '한빛:Hanbit 대성:Daesung 동방:Dongbang 세진:Sejin 태평양:Taepyeongyang 우리:Woori 새한:Saehan 금강:Geumgang ' +
  '삼정:Samjung 대한:Daehan 동아:Donga 신흥:Sinheung 한양:Hanyang 서진:Seojin 미래:Mirae 푸른:Pureun 청솔:Cheongsol ' +
  '하나:Hana 두리:Duri 가온:Gaon 나래:Narae 다온:Daon 한결:Hangyeol 누리:Nuri 보람:Boram 성원:Sungwon 진흥:Jinheung ' +
  '대원:Daewon 영진:Youngjin 제일:Jeil 동양:Dongyang 태광:Taekwang 정우:Jungwoo 경남:Gyeongnam 호남:Honam 중앙:Joongang ' +
  '신성:Shinsung 일신:Ilshin 유니:Uni 한울:Hanul 바른:Bareun 온누리:Onnuri 해오름:Haeoreum 별빛:Byeolbit 초록:Chorok ' +
  '한마음:Hanmaum 송원:Songwon 대림:Daerim 신라:Silla 백제:Baekje 고려:Goryeo 조은:Joeun 으뜸:Eutteum 해동:Haedong ' +
  '광명:Gwangmyeong 대광:Daegwang 삼원:Samwon 세원:Sewon 수성:Susung 창신:Changshin 한국:Hankook 에이스:Ace ' +
  '케이원:K-One 티엔:TN 에스엠:SM 제이앤:J&N 더존:The Zone 글로리:Glory 스타:Star 네오:Neo 씨엔:CN 지엘:GL'
)
  .split(' ')
  .map((p) => p.split(':') as [string, string]);

const MIDDLES: [string, string][] = [
  ['', ''],
  ['', ''],
  ['', ''],
  ['글로벌', 'Global'],
  ['인터내셔널', 'International'],
  ['코리아', 'Korea'],
  ['월드', 'World'],
];

const SUFFIX: Record<Group, [string, string][]> = {
  food: [
    ['푸드', 'Food'],
    ['식품', 'Foods'],
    ['에프앤비', 'F&B'],
  ],
  seafood: [
    ['수산', 'Fisheries'],
    ['씨푸드', 'Seafood'],
  ],
  agri: [
    ['농산', 'Agro'],
    ['청과', 'Fruits'],
    ['팜', 'Farm'],
  ],
  beverage: [
    ['주류', 'Liquors'],
    ['와인', 'Wine'],
    ['트레이딩', 'Trading'],
  ],
  chemical: [
    ['케미칼', 'Chemical'],
    ['화학', 'Chemicals'],
    ['제약', 'Pharm'],
    ['바이오', 'Bio'],
  ],
  cosmetic: [
    ['코스메틱', 'Cosmetics'],
    ['뷰티', 'Beauty'],
  ],
  textile: [
    ['섬유', 'Textile'],
    ['어패럴', 'Apparel'],
    ['패션', 'Fashion'],
  ],
  metal: [
    ['철강', 'Steel'],
    ['메탈', 'Metal'],
    ['금속', 'Metals'],
  ],
  electronics: [
    ['전자', 'Electronics'],
    ['테크', 'Tech'],
    ['일렉트릭', 'Electric'],
    ['반도체', 'Semicon'],
  ],
  machinery: [
    ['기계', 'Machinery'],
    ['모터스', 'Motors'],
    ['오토', 'Auto'],
    ['정밀', 'Precision'],
  ],
  consumer: [
    ['리빙', 'Living'],
    ['토이', 'Toy'],
    ['생활산업', 'Living Industry'],
  ],
  luxury: [
    ['쥬얼리', 'Jewelry'],
    ['럭셔리', 'Luxury'],
    ['골드', 'Gold'],
  ],
  resource: [
    ['에너지', 'Energy'],
    ['자원', 'Resources'],
    ['석유', 'Petroleum'],
  ],
};

const GENERIC: [string, string][] = [
  ['무역', 'Trading'],
  ['상사', 'Corporation'],
  ['물산', 'Mulsan'],
  ['산업', 'Industrial'],
];

/** Korean legal-form variants: (주) / ㈜ / 주식회사 as prefix or suffix, 유한회사, or none. */
const FORMS: [string, string, number][] = [
  ['(주)', '', 0.28],
  ['㈜', '', 0.12],
  ['주식회사 ', '', 0.2],
  ['', '(주)', 0.14],
  ['', ' 주식회사', 0.1],
  ['', '㈜', 0.04],
  ['유한회사 ', '', 0.05],
  ['', '', 0.07],
];

export function companyName(rng: Rng, group: Group): { ko: string; en: string } {
  const [stemKo, stemEn] = rng.pick(STEMS);
  const [midKo, midEn] = rng.pick(MIDDLES);
  const [sufKo, sufEn] = rng.chance(0.7) ? rng.pick(SUFFIX[group]) : rng.pick(GENERIC);
  const [pre, post] = FORMS[rng.weighted(FORMS.map((f) => f[2]))] ?? FORMS[0]!;
  const base = `${stemKo}${midKo}${sufKo}`;
  const enForm = pre.includes('유한') ? 'Ltd.' : 'Co., Ltd.';
  return { ko: `${pre}${base}${post}`, en: [stemEn, midEn, sufEn, enForm].filter(Boolean).join(' ') };
}

const SURNAMES = '김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 전 홍 유 고 문 양 손 배 백 허 남 심'.split(' ');
const GIVEN = (
  '민준 서준 도윤 예준 시우 하준 주원 지호 지후 준우 서연 서윤 지우 서현 민서 하은 하윤 윤서 지유 채원 ' +
  '영수 영희 철수 미경 정희 성민 현우 은지 수진 지훈 혜진 동현 유진 상훈 경민 지영 승현 미영 재현 소영'
).split(' ');

export function koreanPersonName(rng: Rng): string {
  return `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`;
}

/** Korean transliterations of foreign names, keyed by nationality. */
const FOREIGN: Record<string, string[]> = {
  CN: '왕웨이 리나 장민 류양 천징 양판 자오레이 황리 저우제 우팅'.split(' '),
  JP: '사토 유키 스즈키 하루토 다카하시 아오이 다나카 렌 와타나베 히나 이토 소타'.split(' '),
  US: '존 스미스 에밀리 존슨 마이클 브라운 사라 밀러 데이비드 윌슨'.split(' '),
  VN: '응우옌반안 쩐티마이 레반남 팜티란 호앙반득'.split(' '),
  TH: '솜차이 낫타폰 쁘라윳 니차파'.split(' '),
  RU: '이반 페트로프 안나 이바노바 드미트리 스미르노프'.split(' '),
  PH: '호세 산토스 마리아 레예스 후안 크루즈'.split(' '),
};

export function foreignPersonName(rng: Rng, nationality: string): string {
  const list = FOREIGN[nationality] ?? FOREIGN.US!;
  return nationality === 'JP' || nationality === 'US' || nationality === 'RU' || nationality === 'PH'
    ? `${rng.pick(list)} ${rng.pick(list)}`
    : rng.pick(list);
}

const SELLER_WORDS = (
  'Golden Pacific Sunrise Evergreen Orient Silverline Bright Union Grand Prime Apex Harbor Lotus Phoenix Crown ' +
  'Summit Royal Blue Ocean Dragon Star Meridian Atlas Nova Zenith Horizon Eastern Western Northern Southern Global'
).split(' ');
const SELLER_CITY: Record<string, string[]> = {
  CN: ['Shenzhen', 'Shanghai', 'Ningbo', 'Qingdao', 'Guangzhou', 'Xiamen', 'Dalian', 'Yiwu', 'Tianjin'],
  VN: ['Hanoi', 'Saigon', 'Haiphong', 'Danang'],
  JP: ['Tokyo', 'Osaka', 'Nagoya', 'Yokohama'],
  HK: ['Kowloon', 'Hong Kong', 'Tsuen Wan'],
};
const SELLER_FORM: Record<string, string> = {
  CN: 'Co., Ltd.',
  HK: 'Limited',
  JP: 'Corporation',
  US: 'Inc.',
  DE: 'GmbH',
  IT: 'S.p.A.',
  FR: 'S.A.S.',
  VN: 'JSC',
  GB: 'Ltd',
  NL: 'B.V.',
  CH: 'AG',
};

export function sellerName(rng: Rng, countryCode: string, group: Group): string {
  const city = SELLER_CITY[countryCode];
  const head = city && rng.chance(0.6) ? rng.pick(city) : rng.pick(SELLER_WORDS);
  const tail = rng.chance(0.5)
    ? (rng.pick(SUFFIX[group])[1] ?? 'Trading')
    : rng.pick(['Trading', 'Industries', 'Export']);
  return `${head} ${rng.pick(SELLER_WORDS)} ${tail} ${SELLER_FORM[countryCode] ?? 'Co., Ltd.'}`;
}
