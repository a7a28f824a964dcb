/**
 * Hand-curated selection of real HSK 10-digit lines for the synthetic world (input of build-catalog.ts).
 * Per heading: industry group, a plausible unit-price band in USD/kg, basic / WTO-conventional / FTA duty rates,
 * the requirement-verification law (세관장확인대상) if any, a risk level 0–3 and a popularity weight.
 * Item names are short, declaration-style names; build-catalog.ts adds the official nomenclature names.
 */
export type Group =
  | 'food'
  | 'seafood'
  | 'agri'
  | 'beverage'
  | 'chemical'
  | 'cosmetic'
  | 'textile'
  | 'metal'
  | 'electronics'
  | 'machinery'
  | 'consumer'
  | 'luxury'
  | 'resource';

export interface HeadingSpec {
  group: Group;
  price: [number, number];
  rate: number;
  wto?: number;
  fta: number;
  law?: string;
  risk: 0 | 1 | 2 | 3;
  unit: 'KG' | 'EA' | 'PR' | 'L' | 'U';
  kgPerUnit: number;
  weight: number;
  items: [string, string, string][];
}

const FOOD = '수입식품안전관리 특별법';
const PLANT = '식물방역법';
const LIVESTOCK = '가축전염병 예방법';
const ELEC = '전기용품 및 생활용품 안전관리법';
const RADIO = '전파법';

// biome-ignore format: one heading per line keeps this curated table reviewable
export const SPEC: HeadingSpec[] = [
  { group: 'food', price: [6, 11], rate: 0.4, fta: 0.16, law: LIVESTOCK, risk: 1, unit: 'KG', kgPerUnit: 1, weight: 5, items: [['0202300000', '냉동 쇠고기(뼈 없는 것)', 'Frozen boneless beef'], ['0202201000', '냉동 소갈비', 'Frozen beef short ribs'], ['0201300000', '냉장 쇠고기(뼈 없는 것)', 'Chilled boneless beef']] },
  { group: 'food', price: [3, 5.5], rate: 0.25, fta: 0.05, law: LIVESTOCK, risk: 1, unit: 'KG', kgPerUnit: 1, weight: 4, items: [['0203291000', '냉동 삼겹살', 'Frozen pork belly'], ['0203299000', '냉동 돼지고기', 'Frozen pork cuts']] },
  { group: 'food', price: [1.8, 3.2], rate: 0.2, fta: 0.1, law: LIVESTOCK, risk: 1, unit: 'KG', kgPerUnit: 1, weight: 3, items: [['0207141010', '냉동 닭다리', 'Frozen chicken legs'], ['0207141020', '냉동 닭가슴살', 'Frozen chicken breast'], ['0207141030', '냉동 닭날개', 'Frozen chicken wings']] },
  { group: 'food', price: [3, 5], rate: 1.76, wto: 1.76, fta: 0.9, law: FOOD, risk: 1, unit: 'KG', kgPerUnit: 25, weight: 1, items: [['0402211000', '전지분유', 'Whole milk powder'], ['0402101010', '탈지분유', 'Skim milk powder']] },
  { group: 'food', price: [5, 8], rate: 0.89, fta: 0.3, law: FOOD, risk: 1, unit: 'KG', kgPerUnit: 25, weight: 1, items: [['0405100000', '버터', 'Butter']] },
  { group: 'food', price: [4, 9], rate: 0.08, fta: 0, law: FOOD, risk: 0, unit: 'KG', kgPerUnit: 1, weight: 3, items: [['1806321000', '초콜릿(속을 채우지 않은 것)', 'Chocolate bars'], ['1806311000', '초콜릿 과자(속을 채운 것)', 'Filled chocolate'], ['1704902020', '캐러멜', 'Caramels']] },
  { group: 'food', price: [2.5, 6], rate: 0.08, fta: 0, law: FOOD, risk: 0, unit: 'KG', kgPerUnit: 1, weight: 3, items: [['1905310000', '스위트 비스킷', 'Sweet biscuits'], ['1905901040', '쿠키와 크래커', 'Cookies and crackers'], ['1905901030', '페이스트리와 케이크', 'Pastries and cakes']] },
  { group: 'food', price: [1, 1.6], rate: 0.18, fta: 0, law: FOOD, risk: 0, unit: 'KG', kgPerUnit: 1, weight: 2, items: [['2004100000', '냉동 감자튀김', 'Frozen french fries']] },
  { group: 'food', price: [1, 2.5], rate: 0.54, fta: 0.1, law: FOOD, risk: 1, unit: 'KG', kgPerUnit: 1, weight: 1, items: [['2009110000', '냉동 오렌지주스', 'Frozen orange juice']] },
  { group: 'food', price: [12, 40], rate: 0.08, fta: 0, law: FOOD, risk: 2, unit: 'EA', kgPerUnit: 0.3, weight: 5, items: [['2106909099', '건강기능식품(기타 조제 식료품)', 'Health supplement preparations'], ['2106909091', '로열젤리 조제품', 'Royal jelly preparations'], ['2106909010', '커피크리머', 'Coffee creamer'], ['2106101000', '두부', 'Tofu']] },
  { group: 'seafood', price: [1.4, 2.6], rate: 0.1, fta: 0, law: FOOD, risk: 1, unit: 'KG', kgPerUnit: 1, weight: 3, items: [['0303540000', '냉동 고등어', 'Frozen mackerel'], ['0303670000', '냉동 명태', 'Frozen Alaska pollock'], ['0303892000', '냉동 갈치', 'Frozen hairtail']] },
  { group: 'seafood', price: [2.5, 6], rate: 0.1, fta: 0, law: FOOD, risk: 2, unit: 'KG', kgPerUnit: 1, weight: 2, items: [['0303895020', '냉동 부세(참조기류)', 'Frozen large yellow croaker'], ['0303895010', '냉동 참조기', 'Frozen small yellow croaker'], ['0304991000', '냉동 연육', 'Frozen surimi']] },
  { group: 'seafood', price: [5, 10], rate: 0.2, fta: 0, law: FOOD, risk: 2, unit: 'KG', kgPerUnit: 1, weight: 4, items: [['0306179091', '냉동 흰다리새우', 'Frozen whiteleg shrimp'], ['0306171090', '냉동 새우살', 'Frozen peeled shrimp'], ['0306179099', '냉동 새우(기타)', 'Frozen shrimp, other']] },
  { group: 'seafood', price: [2.5, 6], rate: 0.22, fta: 0.05, law: FOOD, risk: 2, unit: 'KG', kgPerUnit: 1, weight: 3, items: [['0307432010', '냉동 오징어', 'Frozen squid'], ['0307431090', '냉동 갑오징어', 'Frozen cuttlefish']] },
  { group: 'agri', price: [0.3, 0.6], rate: 1.35, wto: 1.35, fta: 1.35, law: PLANT, risk: 2, unit: 'KG', kgPerUnit: 1, weight: 2, items: [['0703101090', '양파', 'Onions'], ['0703101010', '깐 양파', 'Peeled onions']] },
  { group: 'agri', price: [1, 2], rate: 3.6, wto: 3.6, fta: 3.6, law: PLANT, risk: 3, unit: 'KG', kgPerUnit: 1, weight: 1, items: [['0703201000', '깐 마늘', 'Peeled garlic'], ['0703209000', '통마늘', 'Garlic bulbs']] },
  { group: 'agri', price: [0.8, 1.6], rate: 0.27, fta: 0.1, law: PLANT, risk: 2, unit: 'KG', kgPerUnit: 1, weight: 3, items: [['0710802000', '냉동 마늘', 'Frozen garlic'], ['0710807000', '냉동 고추', 'Frozen chili peppers'], ['0710809010', '냉동 대파', 'Frozen welsh onions'], ['0710804000', '냉동 당근', 'Frozen carrots']] },
  { group: 'agri', price: [2.5, 4.5], rate: 2.7, wto: 2.7, fta: 2.7, law: PLANT, risk: 3, unit: 'KG', kgPerUnit: 1, weight: 1.5, items: [['0904210000', '건고추', 'Dried chili peppers']] },
  { group: 'agri', price: [1.4, 2.6], rate: 6.3, wto: 6.3, fta: 6.3, law: PLANT, risk: 3, unit: 'KG', kgPerUnit: 1, weight: 1.5, items: [['1207400000', '참깨', 'Sesame seeds']] },
  { group: 'agri', price: [5, 9], rate: 0.08, fta: 0, law: PLANT, risk: 0, unit: 'KG', kgPerUnit: 1, weight: 2, items: [['0802120000', '아몬드(껍데기를 벗긴 것)', 'Shelled almonds']] },
  { group: 'agri', price: [0.6, 1.2], rate: 0.3, fta: 0.1, law: PLANT, risk: 1, unit: 'KG', kgPerUnit: 13, weight: 2, items: [['0803900000', '바나나', 'Bananas']] },
  { group: 'agri', price: [1, 2], rate: 0.5, fta: 0.1, law: PLANT, risk: 1, unit: 'KG', kgPerUnit: 15, weight: 2, items: [['0805100000', '오렌지', 'Oranges'], ['0810500000', '키위', 'Kiwifruit'], ['0805501000', '레몬', 'Lemons']] },
  { group: 'agri', price: [3, 6], rate: 0.02, fta: 0, risk: 0, unit: 'KG', kgPerUnit: 60, weight: 3, items: [['0901110000', '커피 생두', 'Green coffee beans']] },
  { group: 'agri', price: [8, 18], rate: 0.08, fta: 0, law: FOOD, risk: 0, unit: 'KG', kgPerUnit: 1, weight: 2, items: [['0901210000', '볶은 커피(원두)', 'Roasted coffee beans'], ['0902400000', '홍차', 'Black tea']] },
  { group: 'beverage', price: [1, 2], rate: 0.3, fta: 0, law: FOOD, risk: 1, unit: 'L', kgPerUnit: 1, weight: 3, items: [['2203000000', '맥주', 'Beer']] },
  { group: 'beverage', price: [3, 12], rate: 0.15, fta: 0, law: FOOD, risk: 1, unit: 'L', kgPerUnit: 1.3, weight: 3, items: [['2204211000', '레드 와인', 'Red wine'], ['2204212000', '화이트 와인', 'White wine']] },
  { group: 'beverage', price: [8, 35], rate: 0.2, fta: 0, law: FOOD, risk: 2, unit: 'L', kgPerUnit: 1.4, weight: 2, items: [['2208301000', '스카치 위스키', 'Scotch whisky'], ['2208302000', '버번 위스키', 'Bourbon whisky']] },
  { group: 'beverage', price: [15, 40], rate: 0.4, fta: 0.2, risk: 3, unit: 'U', kgPerUnit: 0.25, weight: 1.5, items: [['2402201000', '필터 담배(궐련)', 'Filter cigarettes'], ['2402209000', '궐련(기타)', 'Cigarettes, other']] },
  { group: 'chemical', price: [0.3, 0.6], rate: 0.065, fta: 0, law: '비료관리법', risk: 0, unit: 'KG', kgPerUnit: 1, weight: 2, items: [['3102101000', '요소(비료용)', 'Urea for fertilizer'], ['3102109000', '요소(기타, 요소수 원료)', 'Urea, other (for urea solution)']] },
  { group: 'chemical', price: [40, 250], rate: 0.08, fta: 0, law: '약사법', risk: 2, unit: 'EA', kgPerUnit: 0.1, weight: 3, items: [['3004909900', '의약품(기타)', 'Medicaments, other'], ['3004909200', '항히스타민제', 'Antihistamine preparations'], ['3004503000', '비타민C 제제', 'Vitamin C preparations'], ['3004399000', '호르몬 제제', 'Hormone preparations']] },
  { group: 'chemical', price: [20, 200], rate: 0.065, fta: 0, law: '마약류 관리에 관한 법률', risk: 3, unit: 'KG', kgPerUnit: 1, weight: 1, items: [['2933399000', '피페리딘 유도체(기타)', 'Piperidine compounds, other'], ['2933393000', '3-하이드록시-1-메틸피페리딘', '3-Hydroxy-1-methylpiperidine']] },
  { group: 'chemical', price: [4, 12], rate: 0.065, fta: 0, law: '약사법', risk: 1, unit: 'KG', kgPerUnit: 25, weight: 1.5, items: [['2924291020', '아세트아미노펜 원료', 'Acetaminophen (paracetamol)'], ['2924299010', '염산리도카인', 'Lidocaine hydrochloride']] },
  { group: 'chemical', price: [4, 15], rate: 0.065, fta: 0, law: '농약관리법', risk: 1, unit: 'KG', kgPerUnit: 1, weight: 1.5, items: [['3808911000', '살충제 원제', 'Insecticide technical material'], ['3808919000', '살충제', 'Insecticides']] },
  { group: 'chemical', price: [0.5, 0.9], rate: 0.055, fta: 0, law: '화학물질관리법', risk: 0, unit: 'KG', kgPerUnit: 1, weight: 2, items: [['2915210000', '초산', 'Acetic acid'], ['2901102000', '헥산', 'Hexane']] },
  { group: 'chemical', price: [1, 1.7], rate: 0.065, fta: 0, risk: 0, unit: 'KG', kgPerUnit: 25, weight: 3, items: [['3901101000', '선형저밀도폴리에틸렌', 'Linear low-density polyethylene'], ['3901109000', '폴리에틸렌(기타)', 'Polyethylene, other']] },
  { group: 'chemical', price: [3, 9], rate: 0.065, fta: 0, risk: 0, unit: 'KG', kgPerUnit: 1, weight: 3, items: [['3926909000', '플라스틱 제품(기타)', 'Plastic articles, other'], ['3923210000', '폴리에틸렌 포장용 봉투', 'Polyethylene sacks and bags'], ['3926901000', '기계용 플라스틱 부품', 'Plastic machine parts']] },
  { group: 'cosmetic', price: [25, 90], rate: 0.065, fta: 0, risk: 2, unit: 'EA', kgPerUnit: 0.2, weight: 4, items: [['3304991000', '기초화장품', 'Skin care products'], ['3304992000', '메이크업 화장품', 'Make-up products'], ['3304999000', '화장품(기타)', 'Beauty preparations, other']] },
  { group: 'cosmetic', price: [40, 120], rate: 0.065, fta: 0, risk: 2, unit: 'EA', kgPerUnit: 0.3, weight: 2, items: [['3303001000', '향수', 'Perfumes'], ['3303002000', '화장수(오 드 투알렛)', 'Toilet waters']] },
  { group: 'cosmetic', price: [3, 8], rate: 0.065, fta: 0, risk: 0, unit: 'EA', kgPerUnit: 0.5, weight: 2, items: [['3305100000', '샴푸', 'Shampoos']] },
  { group: 'textile', price: [5, 10], rate: 0.08, fta: 0, risk: 1, unit: 'KG', kgPerUnit: 1, weight: 2, items: [['5208420000', '면 평직물(염색사)', 'Woven cotton fabric, dyed yarns']] },
  { group: 'textile', price: [12, 28], rate: 0.13, fta: 0, risk: 2, unit: 'EA', kgPerUnit: 0.2, weight: 5, items: [['6109101000', '면 티셔츠', 'Cotton T-shirts'], ['6109109000', '면 셔츠류(기타)', 'Cotton singlets, other']] },
  { group: 'textile', price: [14, 35], rate: 0.13, fta: 0, risk: 2, unit: 'EA', kgPerUnit: 0.4, weight: 3, items: [['6110301000', '합성섬유 스웨터', 'Synthetic-fibre sweaters'], ['6110302000', '재생섬유 스웨터', 'Artificial-fibre sweaters']] },
  { group: 'textile', price: [10, 25], rate: 0.13, fta: 0, risk: 2, unit: 'EA', kgPerUnit: 0.6, weight: 4, items: [['6203421000', '남성용 청바지', "Men's denim jeans"], ['6204621000', '여성용 청바지', "Women's denim jeans"], ['6203429000', '남성용 면바지', "Men's cotton trousers"]] },
  { group: 'textile', price: [8, 18], rate: 0.13, fta: 0, risk: 1, unit: 'PR', kgPerUnit: 0.05, weight: 2, items: [['6115950000', '면 양말', 'Cotton socks'], ['6302310000', '면 침구류', 'Cotton bed linen']] },
  { group: 'textile', price: [15, 45], rate: 0.13, fta: 0, risk: 2, unit: 'PR', kgPerUnit: 0.8, weight: 4, items: [['6404110000', '운동화(섬유 갑피)', 'Sports shoes, textile uppers'], ['6403991000', '가죽 구두', 'Leather dress shoes'], ['6403992000', '등산화', 'Hiking boots'], ['6402992000', '운동화(고무 갑피)', 'Training shoes, rubber uppers']] },
  { group: 'metal', price: [0.5, 0.85], rate: 0, fta: 0, risk: 1, unit: 'KG', kgPerUnit: 1, weight: 4, items: [['7208519000', '열연강판', 'Hot-rolled steel plate'], ['7208511000', '고장력 열연강판', 'High-tensile hot-rolled plate']] },
  { group: 'metal', price: [0.7, 1.2], rate: 0, fta: 0, risk: 2, unit: 'KG', kgPerUnit: 1, weight: 3, items: [['7210499090', '아연도금강판', 'Zinc-coated steel sheet'], ['7210491010', '고장력 아연도금강판', 'High-tensile galvanized sheet']] },
  { group: 'metal', price: [2, 3.5], rate: 0, fta: 0, risk: 2, unit: 'KG', kgPerUnit: 1, weight: 3, items: [['7219341090', '스테인리스 냉연강판', 'Cold-rolled stainless steel'], ['7219349000', '스테인리스 강판(기타)', 'Stainless steel sheet, other']] },
  { group: 'metal', price: [2, 5], rate: 0.08, fta: 0, risk: 1, unit: 'KG', kgPerUnit: 1, weight: 3, items: [['7318152000', '볼트', 'Bolts'], ['7318151000', '머신 스크루', 'Machine screws'], ['7318153000', '볼트·너트 세트', 'Bolts with nuts']] },
  { group: 'metal', price: [8, 9.5], rate: 0.03, fta: 0, risk: 0, unit: 'KG', kgPerUnit: 1, weight: 2, items: [['7403110000', '전기동(구리 음극)', 'Copper cathodes']] },
  { group: 'metal', price: [2.1, 2.8], rate: 0.01, fta: 0, risk: 0, unit: 'KG', kgPerUnit: 1, weight: 2, items: [['7601100000', '알루미늄 괴', 'Unwrought aluminium']] },
  { group: 'electronics', price: [100, 300], rate: 0, fta: 0, law: ELEC, risk: 0, unit: 'EA', kgPerUnit: 2, weight: 4, items: [['8471300000', '노트북 컴퓨터', 'Laptop computers']] },
  { group: 'electronics', price: [200, 900], rate: 0, fta: 0, risk: 1, unit: 'EA', kgPerUnit: 0.1, weight: 3, items: [['8471701000', '메모리 모듈', 'Memory modules'], ['8473304060', '디램 모듈', 'DRAM modules'], ['8473302000', '컴퓨터 메인보드', 'Computer mainboards']] },
  { group: 'electronics', price: [15, 40], rate: 0.08, fta: 0, law: ELEC, risk: 1, unit: 'EA', kgPerUnit: 0.3, weight: 3, items: [['8504401090', '전원공급장치(정류기)', 'Power supplies (rectifiers)'], ['8504402099', '인버터', 'Inverters']] },
  { group: 'electronics', price: [15, 30], rate: 0.08, fta: 0, law: ELEC, risk: 1, unit: 'EA', kgPerUnit: 3, weight: 4, items: [['8507602000', '전기차용 리튬이온 축전지', 'Li-ion batteries for EVs'], ['8507603000', '에너지저장장치용 리튬이온 축전지', 'Li-ion batteries for ESS'], ['8507609000', '리튬이온 축전지(기타)', 'Li-ion batteries, other']] },
  { group: 'electronics', price: [12, 30], rate: 0.08, fta: 0, law: ELEC, risk: 1, unit: 'EA', kgPerUnit: 0.6, weight: 2, items: [['8516310000', '헤어드라이어', 'Hair dryers'], ['9405420000', 'LED 조명기구', 'LED luminaires']] },
  { group: 'electronics', price: [300, 800], rate: 0, fta: 0, law: RADIO, risk: 2, unit: 'EA', kgPerUnit: 0.25, weight: 4, items: [['8517130000', '스마트폰', 'Smartphones']] },
  { group: 'electronics', price: [60, 250], rate: 0, fta: 0, law: RADIO, risk: 1, unit: 'EA', kgPerUnit: 1, weight: 3, items: [['8517621020', '무선통신 장비', 'Wireless network equipment'], ['8517621010', '유선통신 장비', 'Wired network equipment']] },
  { group: 'electronics', price: [30, 120], rate: 0.08, fta: 0, law: RADIO, risk: 2, unit: 'EA', kgPerUnit: 0.1, weight: 3, items: [['8518309000', '무선 이어폰·헤드폰', 'Wireless earphones and headphones']] },
  { group: 'electronics', price: [20, 45], rate: 0, fta: 0, law: ELEC, risk: 0, unit: 'EA', kgPerUnit: 5, weight: 3, items: [['8528521000', 'LCD 모니터', 'LCD monitors']] },
  { group: 'electronics', price: [0.9, 1.8], rate: 0, fta: 0, risk: 1, unit: 'EA', kgPerUnit: 22, weight: 3, items: [['8541430000', '태양광 모듈', 'Photovoltaic modules']] },
  { group: 'electronics', price: [800, 5000], rate: 0, fta: 0, risk: 0, unit: 'EA', kgPerUnit: 0.002, weight: 4, items: [['8542311000', '모노리식 집적회로(프로세서)', 'Monolithic ICs (processors)'], ['8542313000', '복합구조칩 집적회로', 'Multi-chip ICs'], ['8542314000', '복합부품 집적회로', 'Multi-component ICs']] },
  { group: 'electronics', price: [6, 14], rate: 0.08, fta: 0, risk: 0, unit: 'KG', kgPerUnit: 1, weight: 3, items: [['8544492012', '전선(1,000V 이하)', 'Electric cable up to 1,000 V'], ['8536909010', '케이블 커넥터', 'Cable connectors'], ['8537105020', '프로그램 제어기(PLC)', 'Programmable controllers']] },
  { group: 'machinery', price: [5, 12], rate: 0.08, fta: 0, law: ELEC, risk: 0, unit: 'EA', kgPerUnit: 40, weight: 3, items: [['8415101010', '벽걸이 에어컨', 'Wall-type air conditioners'], ['8418212000', '가정용 냉장고', 'Household refrigerators']] },
  { group: 'machinery', price: [8, 25], rate: 0.08, fta: 0, risk: 0, unit: 'EA', kgPerUnit: 20, weight: 3, items: [['8413709090', '원심펌프', 'Centrifugal pumps'], ['8481801010', '전동 밸브', 'Electrically operated valves'], ['8479899050', '코팅기', 'Coating machines']] },
  { group: 'machinery', price: [8, 15], rate: 0.08, fta: 0, law: '대기환경보전법', risk: 1, unit: 'EA', kgPerUnit: 1500, weight: 3, items: [['8703239010', '승용차(가솔린, 신차)', 'Petrol passenger cars, new'], ['8703801000', '전기 승용차(신차)', 'Electric passenger cars, new'], ['8703239020', '승용차(가솔린, 중고차)', 'Petrol passenger cars, used']] },
  { group: 'machinery', price: [5, 15], rate: 0.08, fta: 0, risk: 1, unit: 'EA', kgPerUnit: 3, weight: 5, items: [['8708991030', '승용차 부품', 'Passenger car parts'], ['8708303000', '전자제어식 제동장치', 'Electronic braking systems'], ['8708100000', '범퍼', 'Bumpers']] },
  { group: 'machinery', price: [2, 5], rate: 0.08, fta: 0, risk: 0, unit: 'EA', kgPerUnit: 10, weight: 2, items: [['4011101000', '승용차용 래디얼 타이어', 'Radial car tyres']] },
  { group: 'machinery', price: [8, 20], rate: 0.08, fta: 0, law: '대기환경보전법', risk: 1, unit: 'EA', kgPerUnit: 150, weight: 1, items: [['8711201000', '오토바이', 'Motorcycles']] },
  { group: 'machinery', price: [80, 300], rate: 0.08, fta: 0, law: '의료기기법', risk: 1, unit: 'EA', kgPerUnit: 2, weight: 2, items: [['9018904000', '내시경', 'Endoscopes'], ['9018902010', '레이저 의료기기', 'Laser medical instruments']] },
  { group: 'consumer', price: [5, 15], rate: 0.08, fta: 0, law: '어린이제품 안전 특별법', risk: 1, unit: 'EA', kgPerUnit: 0.5, weight: 4, items: [['9503002130', '플라스틱 완구', 'Plastic toys'], ['9503002110', '봉제 완구', 'Stuffed textile toys'], ['9503001200', '어린이용 스쿠터', "Children's scooters"]] },
  { group: 'consumer', price: [40, 120], rate: 0, fta: 0, law: ELEC, risk: 1, unit: 'EA', kgPerUnit: 3, weight: 2, items: [['9504501000', '비디오 게임기', 'Video game consoles']] },
  { group: 'consumer', price: [30, 120], rate: 0.08, fta: 0, risk: 1, unit: 'EA', kgPerUnit: 0.4, weight: 2, items: [['9506310000', '골프채', 'Golf clubs']] },
  { group: 'consumer', price: [3, 8], rate: 0, fta: 0, risk: 0, unit: 'EA', kgPerUnit: 15, weight: 3, items: [['9401719000', '금속 프레임 의자', 'Metal-frame seats'], ['9403609090', '목제 가구', 'Wooden furniture']] },
  { group: 'consumer', price: [0.35, 0.8], rate: 0.05, fta: 0, law: PLANT, risk: 0, unit: 'KG', kgPerUnit: 1, weight: 2, items: [['4407111090', '소나무 제재목', 'Sawn pine lumber'], ['4407121000', '전나무 제재목', 'Sawn fir lumber']] },
  { group: 'consumer', price: [0.8, 1.6], rate: 0.08, fta: 0, risk: 0, unit: 'KG', kgPerUnit: 1, weight: 2, items: [['6907221000', '도자기 타일', 'Ceramic tiles'], ['6802230000', '화강암 석재', 'Granite stone']] },
  { group: 'consumer', price: [20, 80], rate: 0.08, fta: 0, risk: 2, unit: 'EA', kgPerUnit: 0.05, weight: 2, items: [['9004109000', '선글라스', 'Sunglasses']] },
  { group: 'consumer', price: [200, 800], rate: 0.08, fta: 0, law: RADIO, risk: 2, unit: 'EA', kgPerUnit: 0.9, weight: 1, items: [['8806220000', '소형 드론', 'Small drones']] },
  { group: 'consumer', price: [30, 150], rate: 0.08, fta: 0, law: '총포·도검·화약류 등의 안전관리에 관한 법률', risk: 3, unit: 'EA', kgPerUnit: 3, weight: 0.3, items: [['9304001000', '공기총', 'Air guns']] },
  { group: 'luxury', price: [80, 400], rate: 0.08, fta: 0, risk: 3, unit: 'EA', kgPerUnit: 0.8, weight: 3, items: [['4202211090', '가죽 핸드백', 'Leather handbags'], ['4202212000', '합성가죽 핸드백', 'Composition-leather handbags'], ['4202221020', '폴리우레탄 핸드백', 'Polyurethane handbags']] },
  { group: 'luxury', price: [300, 5000], rate: 0.08, fta: 0, risk: 3, unit: 'EA', kgPerUnit: 0.15, weight: 2, items: [['9102119010', '손목시계(전지식)', 'Battery wrist-watches'], ['9101110000', '귀금속 손목시계', 'Precious-metal wrist-watches']] },
  { group: 'luxury', price: [2000, 20000], rate: 0.08, fta: 0, risk: 3, unit: 'EA', kgPerUnit: 0.02, weight: 1.5, items: [['7113192000', '금 장신구', 'Gold jewellery'], ['7113199000', '귀금속 장신구(기타)', 'Precious-metal jewellery, other']] },
  { group: 'luxury', price: [55000, 75000], rate: 0.03, fta: 0, risk: 3, unit: 'KG', kgPerUnit: 1, weight: 0.7, items: [['7108121000', '금괴', 'Gold bars']] },
  { group: 'luxury', price: [20, 80], rate: 0.08, fta: 0, risk: 2, unit: 'EA', kgPerUnit: 0.03, weight: 1, items: [['7117110000', '커프링크스', 'Cuff-links']] },
  { group: 'resource', price: [0.45, 0.75], rate: 0.03, fta: 0, risk: 0, unit: 'KG', kgPerUnit: 1, weight: 2, items: [['2709001040', '원유', 'Crude petroleum oil']] },
  { group: 'resource', price: [0.4, 0.9], rate: 0.03, fta: 0, risk: 0, unit: 'KG', kgPerUnit: 1, weight: 1.5, items: [['2711110000', '액화천연가스', 'Liquefied natural gas']] },
  { group: 'resource', price: [0.7, 1.1], rate: 0.05, fta: 0, risk: 1, unit: 'L', kgPerUnit: 0.85, weight: 1.5, items: [['2710193000', '경유', 'Diesel gas oil'], ['2710197120', '자동차용 엔진오일', 'Automotive engine oil']] },
  { group: 'resource', price: [0.1, 0.3], rate: 0, fta: 0, risk: 0, unit: 'KG', kgPerUnit: 1, weight: 2, items: [['2701121000', '강점결성 원료탄', 'Hard coking coal'], ['2701190000', '유연탄(기타)', 'Other coal'], ['2601111000', '철광석(적철광)', 'Iron ore (hematite)']] },
];
