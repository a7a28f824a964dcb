/**
 * Synthetic certificates of origin (C/O) and issuing-agency seals, seeded. No public C/O or seal images may be
 * used, so every form and seal here is drawn as SVG and rasterised with resvg (the WASM the chart renderer already
 * uses): three form types (AK: ASEAN–Korea, KC: China–Korea, VK: Viet Nam–Korea) with their own label wording and
 * layout, a registered seal per agency (its specimen) and forged seals (altered ring text, a different ring, the
 * emblem turned or moved, another agency's seal). Genuine seals on forms are turned, scaled and lose ink like real
 * stamps; the whole page is slightly rotated and speckled like a scan. The truth of every form is returned with it.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { decode, encode } from 'fast-png';
import { Rng } from './random.ts';

export type FormType = 'AK' | 'KC' | 'VK';
export type Forgery = 'none' | 'text' | 'ring' | 'emblem' | 'other_agency';

export interface Agency {
  code: string;
  name: string;
  ring: string;
  emblem: 'star' | 'flower' | 'shield';
  inner: string;
  double: boolean;
  colour: 'red' | 'blue';
  forms: FormType[];
  country: string;
}

/** Fictional seal designs for real agency names (synthetic: no real seal is reproduced). */
export const AGENCIES: Agency[] = [
  {
    code: 'VN-MOIT',
    name: 'Ministry of Industry and Trade, Viet Nam',
    ring: 'MINISTRY OF INDUSTRY AND TRADE * VIET NAM *',
    emblem: 'star',
    inner: 'MOIT',
    double: true,
    colour: 'red',
    forms: ['AK', 'VK'],
    country: 'VIET NAM',
  },
  {
    code: 'TH-DFT',
    name: 'Department of Foreign Trade, Thailand',
    ring: 'DEPARTMENT OF FOREIGN TRADE * THAILAND *',
    emblem: 'flower',
    inner: 'DFT',
    double: false,
    colour: 'blue',
    forms: ['AK'],
    country: 'THAILAND',
  },
  {
    code: 'CN-CCPIT',
    name: 'China Council for the Promotion of International Trade',
    ring: 'CHINA COUNCIL FOR THE PROMOTION OF INTL TRADE *',
    emblem: 'star',
    inner: 'CCPIT',
    double: false,
    colour: 'red',
    forms: ['KC'],
    country: 'CHINA',
  },
  {
    code: 'CN-GACC',
    name: 'General Administration of Customs, China',
    ring: 'GENERAL ADMINISTRATION OF CUSTOMS * CHINA *',
    emblem: 'shield',
    inner: 'GACC',
    double: true,
    colour: 'red',
    forms: ['KC'],
    country: 'CHINA',
  },
];

export const FORM_AGREEMENT: Record<FormType, string> = { AK: 'AKFTA', KC: 'KCFTA', VK: 'KVFTA' };

export interface CoTruth {
  file_name: string;
  form_type: FormType;
  certificate_no: string;
  exporter: string;
  consignee: string;
  hs_codes: string;
  origin_criterion: string;
  issue_date: string;
  issuing_body: string;
  agency_code: string;
  seal_forgery: Forgery;
  /** What the declaration claims and when the goods were shipped (the rule checks read these). */
  declared_agreement: string;
  shipment_date: string;
  expected_verdict: '적합' | '부적합';
}

export interface CoForm {
  truth: CoTruth;
  png: Uint8Array;
}

const SIZE = { w: 900, h: 1180 };
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const txt = (x: number, y: number, s: string, size = 19, weight = 'normal', anchor = 'start') =>
  `<text x="${x}" y="${y}" font-family="DejaVu Sans" font-size="${size}" font-weight="${weight}" text-anchor="${anchor}" fill="#111">${esc(s)}</text>`;

/** One seal as SVG elements centred on (0,0), radius 84: the agency's specimen or a forged variant of it. */
export function sealSvg(agency: Agency, forgery: Forgery = 'none'): string {
  const a = forgery === 'other_agency' ? AGENCIES[(AGENCIES.indexOf(agency) + 2) % AGENCIES.length]! : agency;
  const ink = a.colour === 'red' ? '#d0202a' : '#1f3fbf';
  const ringText = forgery === 'text' ? a.ring.replace(/[A-Z]{5,}/, 'COMMERCE').replace('TRADE', 'TRADING') : a.ring;
  const double = forgery === 'ring' ? !a.double : a.double;
  const innerR = forgery === 'ring' ? 50 : 58;
  const turn = forgery === 'emblem' ? 36 : 0;
  const shift = forgery === 'emblem' ? 9 : 0;
  const emblem =
    a.emblem === 'star'
      ? `<polygon points="${starPoints(26, 11)}" fill="${ink}"/>`
      : a.emblem === 'flower'
        ? [0, 60, 120].map((d) => `<ellipse rx="27" ry="9" transform="rotate(${d})" fill="${ink}"/>`).join('')
        : `<path d="M-22,-24 L22,-24 L22,2 Q22,22 0,30 Q-22,22 -22,2 Z" fill="none" stroke="${ink}" stroke-width="5"/>`;
  return [
    '<defs><path id="ringpath" d="M -70,0 A 70,70 0 1,1 70,0 A 70,70 0 1,1 -70,0"/></defs>',
    `<circle r="84" fill="none" stroke="${ink}" stroke-width="5"/>`,
    double ? `<circle r="${innerR}" fill="none" stroke="${ink}" stroke-width="2.5"/>` : '',
    `<text font-family="DejaVu Sans" font-weight="bold" font-size="14.5" fill="${ink}" letter-spacing="0.5"><textPath href="#ringpath" startOffset="0">${esc(ringText)}</textPath></text>`,
    `<g transform="translate(${shift},${-8 + shift}) rotate(${turn})">${emblem}</g>`,
    `<text y="40" font-family="DejaVu Sans" font-weight="bold" font-size="15" text-anchor="middle" fill="${ink}">${esc(forgery === 'text' ? `${a.inner.slice(0, -1)}X` : a.inner)}</text>`,
  ].join('');
}

function starPoints(outer: number, inner: number): string {
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const t = (Math.PI / 5) * i - Math.PI / 2;
    pts.push(`${(r * Math.cos(t)).toFixed(2)},${(r * Math.sin(t)).toFixed(2)}`);
  }
  return pts.join(' ');
}

let ready: Promise<Uint8Array[]> | undefined;
async function resvgReady(): Promise<Uint8Array[]> {
  ready ??= (async () => {
    await initWasm(await readFile(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm')));
    return Promise.all(
      ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map(
        async (f) => new Uint8Array(await readFile(`/usr/share/fonts/truetype/dejavu/${f}`)),
      ),
    );
  })();
  return ready;
}

async function rasterise(svg: string): Promise<Uint8Array> {
  const fonts = await resvgReady();
  const r = new Resvg(svg, { background: '#ffffff', font: { fontBuffers: fonts, defaultFontFamily: 'DejaVu Sans' } });
  try {
    return r.render().asPng();
  } finally {
    r.free();
  }
}

/** The agency's registered specimen: the clean seal, upright, 200 × 200 px. */
export function specimenPng(agency: Agency, forgery: Forgery = 'none'): Promise<Uint8Array> {
  return rasterise(
    `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><g transform="translate(100,100)">${sealSvg(agency, forgery)}</g></svg>`,
  );
}

/** A seal as stamped on paper (turned by `degrees`, scaled, with ink loss), alone on a 240 × 240 page: for tests. */
export async function stampedSealPng(agency: Agency, forgery: Forgery, degrees: number, rng: Rng): Promise<Uint8Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240"><rect width="100%" height="100%" fill="#fff"/><g transform="translate(120,120) rotate(${degrees}) scale(${rng.uniform(0.9, 1.05).toFixed(3)})" opacity="0.92">${sealSvg(agency, forgery)}</g></svg>`;
  return scanNoise(await rasterise(svg), rng);
}

const EXPORTERS = [
  ['Hanoi Textile Export JSC', 'Lot 12 Que Vo Industrial Park, Bac Ninh'],
  ['Saigon Seafood Processing Co', '45 Nguyen Tat Thanh, District 4, Ho Chi Minh City'],
  ['Siam Rubber Products Ltd', '88 Moo 4 Bangpoo Industrial Estate, Samut Prakan'],
  ['Bangkok Frozen Foods Co Ltd', '120 Rama 3 Road, Bangkok'],
  ['Qingdao Steel Wire Co Ltd', '18 Huangpu Road, Qingdao, Shandong'],
  ['Ningbo Home Appliance Co Ltd', '66 Jiangnan Road, Ningbo, Zhejiang'],
];
const CONSIGNEES = [
  ['Hanbit Trading Co Ltd', '23 Teheran-ro, Gangnam-gu, Seoul, Korea'],
  ['Daehan Food Import Corp', '101 Jungang-daero, Busan, Korea'],
  ['Mirae Industrial Supply Co', '7 Gongdan-ro, Ansan, Gyeonggi-do, Korea'],
  ['Seoul Home Goods Ltd', '55 Sejong-daero, Jung-gu, Seoul, Korea'],
];
const GOODS: Record<string, string[]> = {
  VN: ['6109.10 T-shirts of cotton', '0306.17 Frozen shrimps', '6203.42 Cotton trousers', '6404.11 Sports footwear'],
  TH: ['4011.10 New pneumatic tyres', '0304.87 Frozen tuna fillets', '4015.19 Rubber gloves', '1006.30 Milled rice'],
  CN: ['7217.10 Steel wire', '8516.60 Electric ovens', '8418.21 Household refrigerators', '7318.15 Steel bolts'],
};
const CRITERIA = ['WO', 'CTH', 'CTSH', 'RVC 40%', 'PE'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** How each form type words and places its fields: the anchors the node reads (nodes/model/_co-fields.ts). */
const LABELS: Record<FormType, { title: string[]; no: string; exp: string; con: string; date: string; body: string }> =
  {
    AK: {
      title: ['ASEAN-KOREA FREE TRADE AREA', 'CERTIFICATE OF ORIGIN', 'FORM AK'],
      no: 'Reference No.',
      exp: "1. Goods consigned from (Exporter's name, address, country)",
      con: "2. Goods consigned to (Consignee's name, address, country)",
      date: 'Date of issue:',
      body: 'Issued by:',
    },
    KC: {
      title: ['CERTIFICATE OF ORIGIN', 'Form for China-Korea FTA'],
      no: 'Certificate No.',
      exp: "1. Exporter's name and address, country",
      con: "3. Importer's name, address, country",
      date: 'Date of issue:',
      body: 'Issuing body:',
    },
    VK: {
      title: ['VIET NAM-KOREA FREE TRADE AGREEMENT', 'CERTIFICATE OF ORIGIN', 'FORM VK'],
      no: 'Reference No.',
      exp: "1. Exporter's name, address and country",
      con: "2. Consignee's name, address and country",
      date: 'Date of issue:',
      body: 'Issuing authority:',
    },
  };

const iso = (d: Date) => d.toISOString().slice(0, 10);
const dateText = (d: Date, style: number) =>
  style === 0
    ? `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`
    : style === 1
      ? iso(d)
      : `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;

/** One form's content; `rule` plants a rule-check failure (wrong agreement claimed, C/O issued long after shipment). */
function formContent(rng: Rng, index: number, forgery: Forgery, rule: 'none' | 'agreement' | 'late') {
  const form = (['AK', 'KC', 'VK'] as const)[index % 3]!;
  const agency = rng.pick(AGENCIES.filter((a) => a.forms.includes(form)));
  const country = agency.code.slice(0, 2);
  const exporter = rng.pick(
    EXPORTERS.filter((_, i) => (country === 'VN' ? i < 2 : country === 'TH' ? i >= 2 && i < 4 : i >= 4)),
  );
  const consignee = rng.pick(CONSIGNEES);
  const goods = rng.shuffle([...(GOODS[country] ?? [])]).slice(0, rng.between(1, 3));
  const issue = new Date(Date.UTC(2024, rng.int(12), 1 + rng.int(28)));
  // Normally shipped within days of issue; a 'late' certificate was issued 400–500 days after the goods left.
  const ship = new Date(issue.getTime() + (rule === 'late' ? -rng.between(400, 500) : rng.between(-5, 2)) * 86_400_000);
  const year = String(issue.getUTCFullYear()).slice(2);
  const certificateNo =
    form === 'KC'
      ? `K${year}${String(rng.between(100000, 999999))}${String(rng.between(1000, 9999))}`
      : `${country}-${form}-${year}-${String(rng.between(10000, 99999))}`;
  const agreement =
    rule === 'agreement'
      ? rng.pick(Object.values(FORM_AGREEMENT).filter((a) => a !== FORM_AGREEMENT[form]))
      : FORM_AGREEMENT[form];
  const truth: CoTruth = {
    file_name: `co-${String(index + 1).padStart(3, '0')}.png`,
    form_type: form,
    certificate_no: certificateNo,
    exporter: exporter[0]!,
    consignee: consignee[0]!,
    hs_codes: goods.map((g) => g.split(' ')[0]).join(';'),
    origin_criterion: goods.map(() => rng.pick(CRITERIA)).join(';'),
    issue_date: iso(issue),
    issuing_body: agency.name,
    agency_code: agency.code,
    seal_forgery: forgery,
    declared_agreement: agreement,
    shipment_date: iso(ship),
    expected_verdict: forgery === 'none' && rule === 'none' ? '적합' : '부적합',
  };
  return { truth, agency, goods, exporter, consignee, issue, dateStyle: rng.int(3) };
}

/** One scanned form: the page (slightly rotated), the seal stamped at an angle with ink loss, speckle noise. */
export async function renderForm(
  rng: Rng,
  index: number,
  forgery: Forgery,
  rule: 'none' | 'agreement' | 'late' = 'none',
): Promise<CoForm> {
  const c = formContent(rng, index, forgery, rule);
  const L = LABELS[c.truth.form_type];
  const parts: string[] = [];
  L.title.forEach((t, i) => {
    parts.push(txt(450, 60 + i * 30, t, i === L.title.length - 1 ? 24 : 20, 'bold', 'middle'));
  });
  const noX = c.truth.form_type === 'KC' ? 40 : 470;
  const noY = c.truth.form_type === 'KC' ? 170 : 160;
  parts.push(txt(noX, noY, `${L.no} ${c.truth.certificate_no}`, 19, 'bold'));
  parts.push('<rect x="30" y="190" width="840" height="250" fill="none" stroke="#333" stroke-width="1.5"/>');
  parts.push('<line x1="30" y1="315" x2="870" y2="315" stroke="#333" stroke-width="1.5"/>');
  parts.push(
    txt(40, 215, L.exp, 16),
    txt(60, 250, c.exporter[0]!),
    txt(60, 277, `${c.exporter[1]}, ${c.agency.country}`, 16),
  );
  parts.push(txt(40, 340, L.con, 16), txt(60, 375, c.consignee[0]!), txt(60, 402, c.consignee[1]!, 16));
  parts.push('<rect x="30" y="460" width="840" height="300" fill="none" stroke="#333" stroke-width="1.5"/>');
  parts.push(txt(40, 490, 'Item', 17, 'bold'), txt(110, 490, 'Description of goods', 17, 'bold'));
  parts.push(txt(520, 490, 'HS Code', 17, 'bold'), txt(680, 490, 'Origin Criterion', 17, 'bold'));
  parts.push('<line x1="30" y1="505" x2="870" y2="505" stroke="#333" stroke-width="1"/>');
  const criteria = c.truth.origin_criterion.split(';');
  c.goods.forEach((g, i) => {
    const [hs, ...desc] = g.split(' ');
    const y = 540 + i * 40;
    parts.push(txt(50, y, String(i + 1)), txt(110, y, desc.join(' ')), txt(520, y, hs!), txt(680, y, criteria[i]!));
  });
  parts.push(txt(40, 830, `${L.date} ${dateText(c.issue, c.dateStyle)}`, 19));
  parts.push(txt(40, 880, `${L.body} ${c.truth.issuing_body}`, 19));
  parts.push(txt(40, 1000, 'It is hereby certified that the declaration by the exporter is correct.', 15));
  const sx = rng.uniform(640, 720);
  const sy = rng.uniform(1030, 1060);
  const turn = rng.uniform(-15, 15);
  const scale = rng.uniform(0.9, 1.05);
  const seal = `<g transform="translate(${sx.toFixed(1)},${sy.toFixed(1)}) rotate(${turn.toFixed(1)}) scale(${scale.toFixed(3)})" opacity="0.92">${sealSvg(c.agency, forgery)}</g>`;
  const page = rng.uniform(-0.8, 0.8);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE.w}" height="${SIZE.h}"><rect width="100%" height="100%" fill="#fff"/><g transform="rotate(${page.toFixed(2)} 450 590)">${parts.join('')}${seal}</g></svg>`;
  return { truth: c.truth, png: scanNoise(await rasterise(svg), rng) };
}

/** Speckle and ink loss like a scan: a few grey dots on paper, some seal pixels faded towards white. */
function scanNoise(png: Uint8Array, rng: Rng): Uint8Array {
  const img = decode(png);
  const ch = img.channels;
  const d = img.data as Uint8Array;
  for (let i = 0; i < d.length; i += ch) {
    const r = d[i]!;
    const g = d[i + 1]!;
    const b = d[i + 2]!;
    const coloured = Math.max(r, g, b) - Math.min(r, g, b) > 60;
    if (coloured && rng.chance(0.12)) {
      for (let k = 0; k < 3; k++) d[i + k] = Math.min(255, d[i + k]! + 120);
    } else if (!coloured && r > 200 && rng.chance(0.004)) {
      const v = rng.between(90, 180);
      d[i] = v;
      d[i + 1] = v;
      d[i + 2] = v;
    }
  }
  return encode({ width: img.width, height: img.height, data: d, channels: ch, depth: 8 });
}

export interface CoSet {
  forms: CoForm[];
  specimens: { agency: string; file: string; png: Uint8Array }[];
}

/**
 * `n` forms: about half genuine and clean, a quarter with a forged seal (kinds in turn), the rest with a planted
 * rule failure (agreement claimed does not match the form, or issued over a year after shipment).
 */
export async function generateCoSet(seed: number, n: number): Promise<CoSet> {
  const rng = Rng.derive(seed, 'co-forms');
  const forgeries: Forgery[] = ['text', 'ring', 'emblem', 'other_agency'];
  const forms: CoForm[] = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 4;
    const forgery = kind === 1 ? forgeries[Math.floor(i / 4) % forgeries.length]! : 'none';
    const rule = kind === 3 ? (Math.floor(i / 4) % 2 === 0 ? 'agreement' : 'late') : 'none';
    forms.push(await renderForm(rng, i, forgery, rule));
  }
  const specimens = await Promise.all(
    AGENCIES.map(async (a) => ({ agency: a.code, file: `${a.code}/specimen-1.png`, png: await specimenPng(a) })),
  );
  return { forms, specimens };
}
