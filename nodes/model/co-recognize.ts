import { z } from 'zod';
import type { Engine } from '../../runtime/engine/engine.ts';
import { isTextType } from '../../runtime/engine/normalize.ts';
import { ParamError } from '../../runtime/errors.ts';
import { withJosa } from '../../runtime/messages/josa.ts';
import { msg } from '../../runtime/messages/render.ts';
import { typeLabel } from '../../runtime/messages/type-names.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import { OCR_LANGS } from '../../runtime/ocr/langs.ts';
import type { Column, Schema } from '../../runtime/schema/types.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { requireColumn, single, UNKNOWN } from '../_shared/columns.ts';
import { IN, OUT } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';
import { type CoFields, extractFields, FORM_AGREEMENT } from './_co-fields.ts';
import { dataUrlBytes, decodeImage, type Rgb } from './_co-image.ts';
import { OcrUnavailableError, ocrTsv, parseTsv } from './_co-ocr.ts';
import { compareSeals, locateSeal, type SealSignature, signature } from './_co-seal.ts';

const col = (port: string, ko: string, en: string, value: string) =>
  z.string().min(1).default(value).meta({ label: { ko, en }, widget: 'column', columnOf: port });

const params = z
  .object({
    image: col('in', '이미지 열 (원산지증명서)', 'Image column (certificates)', 'image'),
    fileName: col('in', '파일 이름 열', 'File name column', 'file_name'),
    specimenImage: col('specimens', '인영 이미지 열', 'Specimen image column', 'image'),
    specimenAgency: col('specimens', '인영의 발급기관 코드 열', 'Specimen agency code column', 'folder'),
    agencyCode: col('agencies', '기관 코드 열', 'Agency code column', 'agency_code'),
    agencyName: col(
      'agencies',
      '기관 이름 열 (증명서에 적힌 그대로)',
      'Agency name column (as printed)',
      'agency_name',
    ),
    agencyForms: col('agencies', '발급 서식 열 (예: AK;VK)', 'Form types column (e.g. AK;VK)', 'forms'),
    declCertificate: col(
      'declarations',
      '신고의 증명서 번호 열',
      'Certificate no. column of declarations',
      'certificate_no',
    ),
    declAgreement: col('declarations', '신고한 협정 열', 'Claimed agreement column', 'agreement'),
    declShipment: col('declarations', '선적일 열', 'Shipment date column', 'shipment_date'),
    sealThreshold: z
      .number()
      .min(0)
      .max(1)
      .default(0.8)
      .meta({
        label: { ko: '인장 일치 기준 (0~1)', en: 'Seal match threshold (0–1)' },
        help: {
          ko: '등록 인영과의 일치도가 이 값보다 낮으면 위조 의심으로 판정합니다.',
          en: 'A seal scoring below this against the registered specimens is flagged as possibly forged.',
        },
        widget: 'number',
      }),
    retroactiveDays: z
      .number()
      .int()
      .min(0)
      .default(365)
      .meta({
        label: { ko: '선적 후 발급 허용 일수', en: 'Days allowed between shipment and issue' },
        help: {
          ko: '선적일보다 이 일수를 넘겨 발급된 증명서는 부적합으로 판정합니다 (소급 발급 허용 기간).',
          en: 'A certificate issued more than this many days after shipment fails (retroactive issue period).',
        },
        widget: 'number',
      }),
    lang: z
      .enum(OCR_LANGS)
      .default('eng')
      .meta({
        label: { ko: '글자 인식 언어', en: 'OCR language' },
        help: {
          ko: '영문 서식은 영어, 한글이 섞이면 영어+한국어를 고릅니다.',
          en: 'English for English forms, English + Korean when Korean is mixed in.',
        },
        widget: 'select',
        options: {
          eng: { ko: '영어', en: 'English' },
          kor: { ko: '한국어', en: 'Korean' },
          'eng+kor': { ko: '영어+한국어', en: 'English + Korean' },
        },
      }),
  })
  .strict();

type Params = z.infer<typeof params>;

const PORTS = {
  specimens: { ko: '등록 인영 (기관별 인장 이미지)', en: 'Seal specimens (images per agency)' },
  agencies: { ko: '발급기관 목록', en: 'Issuing agencies' },
  declarations: { ko: '수입신고 (선적일·협정)', en: 'Declarations (shipment date, agreement)' },
};

/** The verdict and its reasons first: what the officer reads before anything else. */
const OUTPUT: Column[] = [
  { name: 'file_name', type: 'VARCHAR' },
  { name: 'verdict', type: 'VARCHAR' },
  { name: 'reasons', type: 'VARCHAR' },
  { name: 'form_type', type: 'VARCHAR' },
  { name: 'certificate_no', type: 'VARCHAR' },
  { name: 'exporter', type: 'VARCHAR' },
  { name: 'consignee', type: 'VARCHAR' },
  { name: 'hs_codes', type: 'VARCHAR' },
  { name: 'origin_criterion', type: 'VARCHAR' },
  { name: 'issue_date', type: 'DATE' },
  { name: 'issuing_body', type: 'VARCHAR' },
  { name: 'agency_code', type: 'VARCHAR' },
  { name: 'seal_found', type: 'BOOLEAN' },
  { name: 'seal_colour', type: 'VARCHAR' },
  { name: 'seal_verdict', type: 'VARCHAR' },
  { name: 'seal_score', type: 'DOUBLE' },
  { name: 'seal_angle', type: 'INTEGER' },
  { name: 'declared_agreement', type: 'VARCHAR' },
  { name: 'shipment_date', type: 'DATE' },
];

function textColumn(s: Schema, name: string, param: keyof Params) {
  const c = requireColumn(s, name, param);
  if (c.type !== UNKNOWN && !isTextType(c.type))
    throw new ParamError(
      `"${name}" must be text; it is ${c.type}`,
      param,
      msg('node.co_needs_text', { column: name, type: typeLabel(c.type), field: setting(params, param) }),
    );
}

function check(inputs: Record<string, Schema[]>, p: Params) {
  const forms = single(inputs);
  textColumn(forms, p.image, 'image');
  requireColumn(forms, p.fileName, 'fileName');
  for (const port of ['specimens', 'agencies'] as const)
    if (!inputs[port]?.[0])
      throw new ParamError(`connect the ${port}`, undefined, msg('node.model_connect', { what: PORTS[port] }));
  textColumn(inputs.specimens![0]!, p.specimenImage, 'specimenImage');
  requireColumn(inputs.specimens![0]!, p.specimenAgency, 'specimenAgency');
  for (const k of ['agencyCode', 'agencyName', 'agencyForms'] as const) requireColumn(inputs.agencies![0]!, p[k], k);
  const decl = inputs.declarations?.[0];
  if (decl) for (const k of ['declCertificate', 'declAgreement', 'declShipment'] as const) requireColumn(decl, p[k], k);
}

const str = (x: unknown) => (x === null || x === undefined ? '' : String(x));
const tokens = (s: string) => new Set(s.toLowerCase().match(/[a-z0-9가-힣]+/g) ?? []);

/** Dice similarity of word sets: tolerant of OCR joining or splitting a word ("forthe"). */
function similarity(a: string, b: string): number {
  const x = tokens(a);
  const y = tokens(b);
  let both = 0;
  for (const t of x) if (y.has(t)) both++;
  return x.size + y.size ? (2 * both) / (x.size + y.size) : 0;
}

interface Agency {
  code: string;
  name: string;
  forms: string[];
  specimens: SealSignature[];
}

async function readRows(engine: Engine, rel: string, cols: string[], signal?: AbortSignal) {
  const r = await engine.query(
    `SELECT ${cols.map((c) => `CAST(${ident(c)} AS VARCHAR) AS ${ident(c)}`).join(', ')} FROM ${rel}`,
    {
      signal,
    },
  );
  return r.rows;
}

async function readAgencies(engine: Engine, inputs: Record<string, string[]>, p: Params, signal?: AbortSignal) {
  const byCode = new Map<string, Agency>();
  for (const row of await readRows(engine, inputs.agencies![0]!, [p.agencyCode, p.agencyName, p.agencyForms], signal)) {
    const code = str(row[p.agencyCode]).trim();
    if (!code) continue;
    byCode.set(code, {
      code,
      name: str(row[p.agencyName]),
      forms: str(row[p.agencyForms])
        .split(/[;,\s]+/)
        .map((f) => f.trim().toUpperCase())
        .filter(Boolean),
      specimens: [],
    });
  }
  for (const row of await readRows(engine, inputs.specimens![0]!, [p.specimenImage, p.specimenAgency], signal)) {
    const agency = byCode.get(str(row[p.specimenAgency]).trim());
    if (!agency) continue;
    const img = decodeImage(dataUrlBytes(str(row[p.specimenImage])), `${agency.code} 인영`);
    const at = locateSeal(img);
    if (at) agency.specimens.push(signature(img, at));
  }
  return [...byCode.values()];
}

interface Declared {
  agreement: string;
  shipment: string | null;
}

async function readDeclarations(engine: Engine, rel: string | undefined, p: Params, signal?: AbortSignal) {
  const out = new Map<string, Declared>();
  if (!rel) return null;
  const r = await engine.query(
    `SELECT CAST(${ident(p.declCertificate)} AS VARCHAR) AS no, CAST(${ident(p.declAgreement)} AS VARCHAR) AS agreement,
       CAST(TRY_CAST(${ident(p.declShipment)} AS DATE) AS VARCHAR) AS shipment FROM ${rel}`,
    { signal },
  );
  for (const row of r.rows)
    out.set(normNo(str(row.no)), {
      agreement: str(row.agreement).trim(),
      shipment: (row.shipment as string | null) ?? null,
    });
  return out;
}

const normNo = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');
const days = (a: string, b: string) => Math.round((Date.parse(a) - Date.parse(b)) / 86_400_000);

/** Runs `work` over `items` with at most `limit` at once (OCR is one process per page; the machine has few cores). */
async function pool<T, R>(items: T[], limit: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]!, i);
      }
    }),
  );
  return out;
}

interface Judged {
  fields: CoFields;
  agency: Agency | null;
  seal: {
    found: boolean;
    colour: string | null;
    /** 일치 (matches a specimen), 불일치 (does not), or null when it could not be compared. */
    verdict: '일치' | '불일치' | null;
    score: number | null;
    degrees: number | null;
  };
  declared: Declared | null;
  verdict: '적합' | '부적합' | '확인 필요';
  reasons: string[];
}

/** The rule checks and the seal verdict, each failure as one Korean reason an officer can act on. */
export function judge(
  fields: CoFields,
  img: Rgb,
  agencies: Agency[],
  declarations: Map<string, Declared> | null,
  p: Pick<Params, 'sealThreshold' | 'retroactiveDays'>,
): Judged {
  const fail: string[] = [];
  const review: string[] = [];
  for (const [key, label] of [
    ['certificate_no', '증명서 번호'],
    ['issue_date', '발급일'],
    ['issuing_body', '발급기관'],
    ['form_type', '서식 종류'],
  ] as const)
    if (!fields[key]) review.push(`${withJosa(label, '을')} 읽지 못했습니다`);
  let agency: Agency | null = null;
  if (fields.issuing_body) {
    const ranked = agencies.map((a) => ({ a, s: similarity(fields.issuing_body!, a.name) })).sort((x, y) => y.s - x.s);
    if (ranked[0] && ranked[0].s >= 0.6) agency = ranked[0].a;
    else fail.push(`발급기관 ${withJosa(`"${fields.issuing_body}"`, '이')} 등록된 발급기관 목록에 없습니다`);
  }
  if (agency && fields.form_type && agency.forms.length && !agency.forms.includes(fields.form_type))
    fail.push(
      `${withJosa(agency.code, '은')} FORM ${fields.form_type} 발급기관이 아닙니다 (발급 서식: ${agency.forms.join(', ')})`,
    );
  const at = locateSeal(img);
  const seal: Judged['seal'] = {
    found: at !== null,
    colour: at?.ink ?? null,
    verdict: null,
    score: null,
    degrees: null,
  };
  if (!at) fail.push('인장(붉은색·파란색 도장)을 찾지 못했습니다');
  else if (agency) {
    if (agency.specimens.length === 0) review.push(`${agency.code}의 등록 인영이 없어 인장을 비교하지 못했습니다`);
    else {
      const sig = signature(img, at);
      const best = agency.specimens.map((s) => compareSeals(sig, s)).reduce((a, b) => (b.score > a.score ? b : a));
      seal.score = Math.round(best.score * 1000) / 1000;
      seal.degrees = best.degrees > 180 ? best.degrees - 360 : best.degrees;
      seal.verdict = best.score >= p.sealThreshold ? '일치' : '불일치';
      if (agency.specimens[0] && agency.specimens[0].ink !== at.ink)
        fail.push(`인장 색(${at.ink === 'red' ? '빨강' : '파랑'})이 등록 인영과 다릅니다`);
      if (best.score < p.sealThreshold)
        fail.push(
          `인장이 ${agency.code} 등록 인영과 다릅니다 (일치도 ${seal.score.toFixed(2)} < 기준 ${p.sealThreshold})`,
        );
    }
  }
  let declared: Declared | null = null;
  if (declarations && fields.certificate_no) {
    declared = declarations.get(normNo(fields.certificate_no)) ?? null;
    if (!declared) review.push(`수입신고에 증명서 번호 ${withJosa(fields.certificate_no, '이')} 없습니다`);
    else {
      const agreement = fields.form_type ? FORM_AGREEMENT[fields.form_type] : null;
      if (agreement && declared.agreement && declared.agreement.toUpperCase() !== agreement)
        fail.push(
          `신고한 협정 ${withJosa(declared.agreement, '과')} 증명서 서식 FORM ${fields.form_type}(${agreement})의 협정이 다릅니다`,
        );
      if (declared.shipment && fields.issue_date) {
        const late = days(fields.issue_date, declared.shipment);
        if (late > p.retroactiveDays)
          fail.push(`선적일(${declared.shipment})보다 ${late}일 늦게 발급되었습니다 (허용 ${p.retroactiveDays}일)`);
      }
    }
  }
  const verdict = fail.length ? '부적합' : review.length ? '확인 필요' : '적합';
  return { fields, agency, seal, declared, verdict, reasons: [...fail, ...review] };
}

export const coRecognize = defineNode<Params>({
  kind: 'compute',
  type: 'model.co_recognize',
  version: 1,
  category: 'model',
  label: { ko: '원산지증명서 판독', en: 'Certificate-of-origin recognition' },
  description: {
    ko: '스캔한 원산지증명서에서 글자를 인식(Tesseract)해 서식의 항목 이름을 기준으로 증명서 번호·수출자·수입자·HS 부호·원산지 결정기준·발급일·발급기관을 읽고, 붉은색·파란색 인장을 찾아 발급기관의 등록 인영과 비교합니다. 서식과 협정, 발급일과 선적일을 대조해 적합·부적합·확인 필요와 그 이유를 적습니다.',
    en: 'Reads scanned certificates of origin with OCR (Tesseract): certificate no., exporter, consignee, HS codes, origin criterion, issue date and issuing body by the labels of the form; finds the red or blue seal and compares it with the issuing agency’s registered specimens; checks the form against the claimed agreement and the issue date against shipment; gives a verdict with reasons.',
  },
  inputs: [
    { ...IN, label: { ko: '원산지증명서 이미지', en: 'C/O images' } },
    { name: 'specimens', label: PORTS.specimens },
    { name: 'agencies', label: PORTS.agencies },
    { name: 'declarations', label: PORTS.declarations, optional: true },
  ],
  outputs: [OUT],
  params,

  outputSchema: ({ inputs, params: p }) => {
    check(inputs, p);
    return OUTPUT;
  },

  async run({ engine, inputs, params: p, tableName, signal, progress }) {
    const agencies = await readAgencies(engine, inputs, p, signal);
    const declarations = await readDeclarations(engine, inputs.declarations?.[0], p, signal);
    const forms = await readRows(engine, inputs.in![0]!, [p.fileName, p.image], signal);
    let done = 0;
    const judged = await pool(forms, 2, async (row) => {
      const name = str(row[p.fileName]);
      const bytes = dataUrlBytes(str(row[p.image]));
      const img = decodeImage(bytes, name);
      let tsv: string;
      try {
        tsv = await ocrTsv(bytes, p.lang, signal);
      } catch (err) {
        if (err instanceof OcrUnavailableError)
          throw new ParamError(err.message, undefined, msg('node.co_ocr_unavailable'));
        throw new ParamError(
          `${name}: ${err instanceof Error ? err.message : String(err)}`,
          undefined,
          msg('node.co_ocr_failed', { file: name }),
        );
      }
      const j = judge(extractFields(parseTsv(tsv)), img, agencies, declarations, p);
      progress(++done / forms.length);
      return { name, ...j };
    });
    const rows = judged.map((j) => [
      j.name,
      j.verdict,
      j.reasons.join(' / ') || null,
      j.fields.form_type,
      j.fields.certificate_no,
      j.fields.exporter,
      j.fields.consignee,
      j.fields.hs_codes.join(';') || null,
      j.fields.origin_criteria.join(';') || null,
      j.fields.issue_date,
      j.fields.issuing_body,
      j.agency?.code ?? null,
      j.seal.found,
      j.seal.colour,
      j.seal.verdict,
      j.seal.score,
      j.seal.degrees,
      j.declared?.agreement ?? null,
      j.declared?.shipment ?? null,
    ]);
    await engine.createTable(
      tableName,
      OUTPUT,
      OUTPUT.map((_, k) => rows.map((r) => r[k] ?? null)),
    );
    return {};
  },
});
