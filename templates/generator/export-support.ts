/**
 * SME export support (KCS model (9)): exporters derived from the world's companies, their export declarations, a
 * programme catalogue and who took part in which programme in 2023 and 2024.
 *
 * Planted preference structure (what a recommender should find, README "export support"):
 * - hard rules: a firm only ever joins programmes it is eligible for (size, HS chapter, destination, certification,
 *   annual export band — computed from its generated export declarations exactly as `model.export_support` does);
 * - content: a programme aimed at an HS chapter or a destination the firm exports to is 3.3× / 2.2× as likely;
 * - collaborative: each exporter has a hidden support track (`support_track`, ground truth); programmes of its track
 *   are e^2.2 ≈ 9× as likely, so firms with the same track share programmes;
 * - popularity: each programme has a base weight, so "most joined" is a real but weaker baseline.
 * A separate random stream (derived from the seed) keeps every other table byte-identical.
 */
import { dayOf, isoDate } from './calendar.ts';
import { INDUSTRY_KO, linesOfGroup } from './catalog.ts';
import { type Cell, text } from './csv.ts';
import { Rng } from './random.ts';
import type { Company, Size } from './world-types.ts';

export const TRACKS = ['newcomer', 'marketing', 'fta', 'logistics', 'digital'] as const;
export type Track = (typeof TRACKS)[number];

export const CERT_AEO = 'AEO';
export const CERT_ORIGIN = '원산지인증수출자';

export interface Programme {
  id: string;
  ko: string;
  en: string;
  agency: string;
  description: string;
  sizes: Size[];
  hs2: string[];
  destinations: string[];
  certification: string;
  minAnnual: number;
  maxAnnual: number;
  focus: string[];
  track: Track;
  popularity: number;
}

const SME: Size[] = ['중소'];
const SME_MID: Size[] = ['중소', '중견'];
const ALL: Size[] = ['중소', '중견', '대기업'];
const EOK = 100_000_000;

const p = (
  id: string,
  track: Track,
  ko: string,
  en: string,
  agency: string,
  description: string,
  rule: Partial<Pick<Programme, 'sizes' | 'hs2' | 'destinations' | 'certification' | 'minAnnual' | 'maxAnnual'>>,
  focus: string[],
  popularity: number,
): Programme => ({
  id,
  track,
  ko,
  en,
  agency,
  description,
  sizes: rule.sizes ?? SME_MID,
  hs2: rule.hs2 ?? [],
  destinations: rule.destinations ?? [],
  certification: rule.certification ?? '',
  minAnnual: rule.minAnnual ?? 0,
  maxAnnual: rule.maxAnnual ?? 0,
  focus,
  popularity,
});

/** The shipped catalogue (programme names are typical of Korean export support; details are synthetic). */
export const PROGRAMMES: readonly Programme[] = [
  p(
    'P01',
    'newcomer',
    '수출 첫걸음 바우처',
    'First-export voucher',
    '중소벤처기업부',
    '수출 초보 기업의 해외 진출 첫 단계 지원',
    { sizes: SME, maxAnnual: 5 * EOK },
    ['stage:new', 'trend:up'],
    3,
  ),
  p(
    'P02',
    'newcomer',
    '내수기업 수출기업화',
    'Domestic-to-export conversion',
    'KOTRA',
    '수출 실적이 적은 기업의 전담 컨설팅',
    { sizes: SME, maxAnnual: 10 * EOK },
    ['stage:new'],
    2.5,
  ),
  p(
    'P03',
    'newcomer',
    '수출 초보 무역실무 교육',
    'Trade-practice training for beginners',
    '한국무역협회',
    '무역 실무·통관 절차 교육',
    { sizes: SME, maxAnnual: 20 * EOK },
    ['stage:new'],
    2,
  ),
  p(
    'P04',
    'marketing',
    '해외 전시회 참가 지원',
    'Overseas trade-fair support',
    'KOTRA',
    '해외 전시회 부스·운송비 지원',
    { sizes: SME_MID },
    ['trend:up'],
    3,
  ),
  p(
    'P05',
    'marketing',
    '미국 시장 개척단',
    'US market mission',
    'KOTRA',
    '미국 바이어 상담회',
    { destinations: ['US'] },
    ['dest:US'],
    1.5,
  ),
  p(
    'P06',
    'marketing',
    '아세안 시장 개척단',
    'ASEAN market mission',
    'KOTRA',
    '베트남·인도네시아·싱가포르 바이어 상담회',
    { destinations: ['VN', 'ID', 'SG'] },
    ['dest:VN', 'dest:ID', 'dest:SG'],
    1.5,
  ),
  p(
    'P07',
    'marketing',
    'K-뷰티 해외 판촉',
    'K-beauty overseas promotion',
    '지자체',
    '화장품 수출 판촉전',
    { hs2: ['33'] },
    ['hs:33'],
    1,
  ),
  p(
    'P08',
    'marketing',
    '농수산식품 수출 판촉',
    'Agri-food export promotion',
    'aT 한국농수산식품유통공사',
    '농수산식품 해외 판촉·샘플 지원',
    { hs2: ['02', '03', '04', '07', '08', '09', '12', '17', '18', '19', '20', '21', '22'] },
    ['hs:03', 'hs:20', 'hs:21'],
    1.2,
  ),
  p(
    'P09',
    'fta',
    'FTA 원산지 컨설팅',
    'FTA rules-of-origin consulting',
    '관세청',
    'FTA 원산지 판정·증명서 발급 컨설팅',
    { sizes: SME_MID },
    ['cert:none'],
    2.5,
  ),
  p(
    'P10',
    'fta',
    '원산지인증수출자 인증 지원',
    'Approved-exporter certification support',
    '관세청',
    '원산지인증수출자 인증 취득 지원',
    { sizes: SME_MID },
    ['cert:none'],
    1.5,
  ),
  p(
    'P11',
    'fta',
    'FTA 활용 관세 환급 설명회',
    'FTA duty-drawback seminar',
    '관세청',
    '협정세율·관세 환급 활용 교육',
    { sizes: ALL, certification: CERT_ORIGIN },
    [`cert:${CERT_ORIGIN}`],
    1.2,
  ),
  p(
    'P12',
    'fta',
    '한-아세안 FTA 활용 지원',
    'Korea-ASEAN FTA utilisation',
    '한국무역협회',
    '아세안 수출 원산지 관리 지원',
    { destinations: ['VN', 'ID', 'SG', 'TH'] },
    ['dest:VN', 'dest:ID'],
    1,
  ),
  p(
    'P13',
    'logistics',
    '수출 물류비 지원',
    'Export logistics subsidy',
    '중소벤처기업부',
    '해상·항공 운임 일부 지원',
    { sizes: SME_MID },
    ['trend:up'],
    2.5,
  ),
  p(
    'P14',
    'logistics',
    '중소기업 AEO 공인 컨설팅',
    'AEO certification consulting for SMEs',
    '관세청',
    'AEO 공인 준비 컨설팅',
    { sizes: SME_MID, minAnnual: 5 * EOK },
    ['cert:none'],
    1.5,
  ),
  p(
    'P15',
    'logistics',
    'AEO 기업 신속통관 연계',
    'AEO fast-lane link-up',
    '관세청',
    'AEO 공인 기업의 수출국 상호인정 활용',
    { sizes: ALL, certification: CERT_AEO },
    [`cert:${CERT_AEO}`],
    1,
  ),
  p(
    'P16',
    'logistics',
    '유럽 공동물류센터',
    'Shared logistics centre in Europe',
    'KOTRA',
    '유럽 현지 물류창고 이용 지원',
    { destinations: ['DE', 'PL', 'NL'] },
    ['dest:DE', 'dest:PL'],
    1,
  ),
  p(
    'P17',
    'digital',
    '온라인 수출 플랫폼 입점',
    'Online export marketplace listing',
    '중소벤처기업부',
    '해외 온라인몰 입점·광고 지원',
    { sizes: SME, maxAnnual: 50 * EOK },
    ['trend:up', 'stage:new'],
    2,
  ),
  p(
    'P18',
    'digital',
    '전자상거래 수출 간이통관 교육',
    'E-commerce export clearance training',
    '관세청',
    '전자상거래 수출신고·간이통관 교육',
    { sizes: SME },
    ['trend:up'],
    1.5,
  ),
  p(
    'P19',
    'digital',
    '화상 수출상담회',
    'Online buyer meetings',
    'KOTRA',
    '해외 바이어 화상 상담',
    { sizes: SME_MID },
    ['trend:up'],
    2,
  ),
  p(
    'P20',
    'marketing',
    '전기·전자 글로벌 공급망 진출',
    'Electronics global supply-chain entry',
    '산업통상자원부',
    '전기·전자 부품 해외 공급망 매칭',
    { hs2: ['84', '85', '90'] },
    ['hs:85', 'hs:84'],
    1.2,
  ),
  p(
    'P21',
    'logistics',
    '철강·금속 수출 규제 대응',
    'Steel export trade-remedy support',
    '한국무역협회',
    '수입규제·탄소국경조정 대응 컨설팅',
    { hs2: ['72', '73', '74', '76'], sizes: ALL },
    ['hs:72', 'hs:73'],
    1,
  ),
  p(
    'P22',
    'marketing',
    '수출 유망 중견기업 육성',
    'Promising mid-size exporter programme',
    '산업통상자원부',
    '중견기업 해외 마케팅 패키지',
    { sizes: ['중견'], minAnnual: 20 * EOK },
    ['size:중견'],
    1,
  ),
  p(
    'P23',
    'fta',
    '중국 수출 원산지 검증 대응',
    'China origin-verification support',
    '관세청',
    '중국 세관 원산지 검증 대응 지원',
    { destinations: ['CN'] },
    ['dest:CN'],
    1,
  ),
  p(
    'P24',
    'digital',
    '수출 데이터 분석 서비스',
    'Export data analytics service',
    '한국무역협회',
    '수출 통계·바이어 데이터 분석 제공',
    { sizes: ALL },
    ['trend:up'],
    1.2,
  ),
];

const DESTINATIONS: [string, number][] = [
  ['US', 18],
  ['CN', 18],
  ['VN', 12],
  ['JP', 10],
  ['ID', 5],
  ['SG', 4],
  ['TH', 4],
  ['DE', 5],
  ['PL', 3],
  ['NL', 3],
  ['IN', 4],
  ['AU', 4],
  ['AE', 3],
  ['MX', 3],
];
const TRACK_WEIGHTS = [0.3, 0.25, 0.17, 0.14, 0.14];
const SIZE_EXPORT: Record<Size, [number, number]> = {
  // chance to export, median annual export (KRW)
  대기업: [0.7, 200 * EOK],
  중견: [0.55, 30 * EOK],
  중소: [0.45, 4 * EOK],
};

export interface Exporter {
  company: Company;
  certifications: string[];
  since: number;
  track: Track;
}

export interface ExportRow {
  id: string;
  day: number;
  exporter: string;
  hs10: string;
  hs6: string;
  itemKo: string;
  destination: string;
  mode: string;
  value: number;
}

/** What the node derives from export declarations; the generator applies its rules through the same profile. */
export interface ExportProfile {
  hs2: Set<string>;
  destinations: Set<string>;
  annual: number;
}

export interface ExportSupportWorld {
  exporters: Exporter[];
  rows: ExportRow[];
  participation: { company: string; programme: string; year: number }[];
}

const D0 = dayOf(2023, 1, 1);
const D1 = dayOf(2024, 12, 31);

/** Hard eligibility, the same rules as `model.export_support` (nodes/model/_export-support-rules.ts). */
export function eligible(prog: Programme, size: Size, certs: readonly string[], profile: ExportProfile): boolean {
  if (!prog.sizes.includes(size)) return false;
  if (prog.hs2.length > 0 && !prog.hs2.some((h) => profile.hs2.has(h))) return false;
  if (prog.destinations.length > 0 && !prog.destinations.some((d) => profile.destinations.has(d))) return false;
  if (prog.certification && !certs.includes(prog.certification)) return false;
  if (prog.minAnnual > 0 && profile.annual < prog.minAnnual) return false;
  if (prog.maxAnnual > 0 && profile.annual > prog.maxAnnual) return false;
  return true;
}

export function buildExportSupport(companies: readonly Company[], seed: number): ExportSupportWorld {
  const rng = Rng.derive(seed, 'export-support');
  const exporters: Exporter[] = [];
  const rows: ExportRow[] = [];
  const profiles = new Map<string, ExportProfile>();
  for (const c of companies) {
    if (c.segment === 'nominee') continue;
    const [chance, median] = SIZE_EXPORT[c.size];
    if (!rng.chance(chance)) continue;
    const track = TRACKS[rng.weighted(TRACK_WEIGHTS)] ?? 'newcomer';
    const newcomer = track === 'newcomer';
    const certs: string[] = [];
    if (c.aeo) certs.push(CERT_AEO);
    if (rng.chance(track === 'fta' ? 0.45 : 0.15)) certs.push(CERT_ORIGIN);
    // newcomers export less and started recently; digital firms grow fast
    const annual = rng.logNormal(newcomer ? median / 4 : median, 0.8);
    const growth = rng.normal() * 0.25 + (track === 'digital' ? 0.35 : 0.05);
    const since = newcomer ? rng.between(dayOf(2023, 6, 1), dayOf(2024, 6, 30)) : D0;
    const lines = linesOfGroup(c.group);
    const dests: string[] = [];
    const nDest = 1 + rng.weighted([0.45, 0.3, 0.15, 0.1]);
    while (dests.length < nDest) {
      const d = DESTINATIONS[rng.weighted(DESTINATIONS.map((x) => x[1]))]![0];
      if (!dests.includes(d)) dests.push(d);
    }
    const myLines = rng.shuffle([...lines]).slice(0, 1 + rng.int(Math.min(3, lines.length)));
    const n = 4 + rng.int(newcomer ? 8 : 30);
    const perRow = annual / (n / 2);
    for (let i = 0; i < n; i++) {
      const day = rng.between(since, D1);
      const years = (day - D0) / 365.25;
      const line = rng.pick(myLines);
      rows.push({
        id: '',
        day,
        exporter: c.id,
        hs10: line.hs10,
        hs6: line.hs6,
        itemKo: line.itemKo,
        destination: rng.pick(dests),
        mode: rng.chance(0.7) ? 'SEA' : 'AIR',
        value: Math.round(perRow * (1 + growth) ** (years - 1) * rng.logNormal(1, 0.35)),
      });
    }
    exporters.push({ company: c, certifications: certs, since, track });
  }
  rows.sort((a, b) => a.day - b.day || a.exporter.localeCompare(b.exporter));
  rows.forEach((r, i) => {
    r.id = `EX-${isoDate(r.day).slice(2, 4)}-${String(i + 1).padStart(7, '0')}`;
  });
  // the profile the node derives: HS chapters, destinations, value of the latest 12 months of the data
  const last = rows.reduce((m, r) => Math.max(m, r.day), 0);
  for (const r of rows) {
    let pr = profiles.get(r.exporter);
    if (!pr) {
      pr = { hs2: new Set(), destinations: new Set(), annual: 0 };
      profiles.set(r.exporter, pr);
    }
    pr.hs2.add(r.hs6.slice(0, 2));
    pr.destinations.add(r.destination);
    if (r.day > last - 365) pr.annual += r.value;
  }

  const participation: ExportSupportWorld['participation'] = [];
  for (const e of exporters) {
    const pr = profiles.get(e.company.id);
    if (!pr) continue;
    const options = PROGRAMMES.filter((prog) => eligible(prog, e.company.size, e.certifications, pr));
    const weights = options.map((prog) => {
      let u = e.track === prog.track ? 2.2 : 0;
      if (prog.hs2.length > 0) u += 1.2;
      if (prog.destinations.length > 0) u += 0.8;
      return prog.popularity * Math.exp(u);
    });
    const k = Math.min(options.length, 1 + rng.weighted([0.2, 0.3, 0.25, 0.15, 0.1]));
    for (let i = 0; i < k; i++) {
      const j = rng.weighted(weights);
      const prog = options[j]!;
      weights[j] = 0;
      participation.push({ company: e.company.id, programme: prog.id, year: rng.chance(0.55) ? 2023 : 2024 });
    }
  }
  participation.sort(
    (a, b) => a.year - b.year || a.company.localeCompare(b.company) || a.programme.localeCompare(b.programme),
  );
  return { exporters, rows, participation };
}

export function exporterCells(e: Exporter): Cell[] {
  const c = e.company;
  return [
    c.id,
    text(c.nameKo),
    c.region,
    INDUSTRY_KO[c.group],
    c.size,
    e.certifications.join(';'),
    isoDate(e.since),
    e.track,
  ];
}

export function exportRowCells(r: ExportRow): Cell[] {
  return [r.id, isoDate(r.day), r.exporter, r.hs10, r.hs6, text(r.itemKo), r.destination, r.mode, r.value];
}

export function programmeCells(prog: Programme): Cell[] {
  return [
    prog.id,
    text(prog.ko),
    text(prog.en),
    text(prog.agency),
    text(prog.description),
    prog.sizes.join(';'),
    prog.hs2.join(';'),
    prog.destinations.join(';'),
    prog.certification,
    prog.minAnnual || null,
    prog.maxAnnual || null,
    prog.focus.join(';'),
  ];
}
