import type { OcrWord } from './_co-ocr.ts';

/**
 * C/O fields from OCR words by the anchors of the form layout: find a label ("Reference No.", "Goods consigned to",
 * "HS Code" …) and read the value to its right on the same line, on the line below, or down its table column. The
 * labels of the AK, KC and VK forms are listed here; another form type needs only its label wording added.
 */

export type FormType = 'AK' | 'KC' | 'VK';

/** Agreement each form type certifies (Korea–ASEAN, Korea–China, Korea–Viet Nam). */
export const FORM_AGREEMENT: Record<FormType, string> = { AK: 'AKFTA', KC: 'KCFTA', VK: 'KVFTA' };

export interface CoFields {
  form_type: FormType | null;
  certificate_no: string | null;
  exporter: string | null;
  consignee: string | null;
  hs_codes: string[];
  origin_criteria: string[];
  /** ISO date, or null when no date could be read after the label. */
  issue_date: string | null;
  issuing_body: string | null;
}

interface Line {
  words: OcrWord[];
  top: number;
  bottom: number;
  left: number;
  height: number;
}

const LABELS = {
  certificate_no: [
    ['reference', 'no'],
    ['certificate', 'no'],
    ['certificate', 'number'],
  ],
  exporter: [['consigned', 'from'], ['exporter']],
  consignee: [['consigned', 'to'], ['consignee'], ['importer']],
  issue_date: [
    ['date', 'of', 'issue'],
    ['issue', 'date'],
  ],
  issuing_body: [
    ['issued', 'by'],
    ['issuing', 'body'],
    ['issuing', 'authority'],
    ['certifying', 'authority'],
  ],
  hs: [['hs', 'code']],
  criterion: [
    ['origin', 'criterion'],
    ['origin', 'criteria'],
  ],
};

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9가-힣]/g, '');

function toLines(words: OcrWord[]): Line[] {
  const by = new Map<string, OcrWord[]>();
  for (const w of words) {
    const list = by.get(w.line) ?? [];
    list.push(w);
    by.set(w.line, list);
  }
  return [...by.values()]
    .map((ws) => {
      ws.sort((a, b) => a.left - b.left);
      const heights = ws.map((w) => w.height).sort((a, b) => a - b);
      return {
        words: ws,
        top: Math.min(...ws.map((w) => w.top)),
        bottom: Math.max(...ws.map((w) => w.top + w.height)),
        left: ws[0]!.left,
        height: heights[Math.floor(heights.length / 2)]!,
      };
    })
    .sort((a, b) => a.top - b.top);
}

interface Hit {
  line: Line;
  /** Index of the first word after the label. */
  end: number;
  /** What OCR glued to the label's last word ("issue:.4" → "4"). */
  glued: string;
  left: number;
  right: number;
}

/** The top-most line holding one of the label wordings (each label word a prefix of an OCR word, in order). */
function findLabel(lines: Line[], variants: string[][]): Hit | null {
  for (const line of lines) {
    const ws = line.words.map((w) => norm(w.text));
    for (const tokens of variants)
      for (let i = 0; i + tokens.length <= ws.length; i++) {
        if (tokens.every((t, k) => ws[i + k]!.startsWith(t) && ws[i + k]!.length <= t.length + 3)) {
          const last = line.words[i + tokens.length - 1]!;
          return {
            line,
            end: i + tokens.length,
            glued: afterPrefix(last.text, tokens[tokens.length - 1]!.length),
            left: line.words[i]!.left,
            right: last.left + last.width,
          };
        }
      }
  }
  return null;
}

/** The raw text after its first `letters` letters and digits, label punctuation stripped. */
function afterPrefix(raw: string, letters: number): string {
  let seen = 0;
  let i = 0;
  while (i < raw.length && seen < letters) if (/[A-Za-z0-9가-힣]/.test(raw[i++]!)) seen++;
  return raw.slice(i).replace(/^[^A-Za-z0-9가-힣]+/, '');
}

const joined = (ws: OcrWord[]) =>
  ws
    .map((w) => w.text)
    .join(' ')
    .replace(/^[:.\s]+/, '')
    .replace(/[^A-Za-z0-9%)가-힣]+$/, '')
    .trim();

/** The words after the label on its line, stopping at a wide gap (the next column of the form). */
function rightOf(hit: Hit): string {
  const out: OcrWord[] = hit.glued ? [{ ...hit.line.words[hit.end - 1]!, text: hit.glued }] : [];
  let x = hit.right;
  for (const w of hit.line.words.slice(hit.end)) {
    if (w.left - x > 6 * hit.line.height) break;
    out.push(w);
    x = w.left + w.width;
  }
  return joined(out);
}

/** The first line under the label that starts near the label's left edge. */
function below(lines: Line[], hit: Hit): string {
  const h = hit.line.height;
  for (const line of lines) {
    if (line.top <= hit.line.bottom - h * 0.3) continue;
    if (line.top - hit.line.bottom > 4 * h) break;
    if (line.left >= hit.line.left - 2 * h && line.left <= hit.line.left + 12 * h) return joined(line.words);
  }
  return '';
}

const HS = /^\d{4}\.\d{2}(\.\d{2,4})?$/;
const CRITERION = /^(WO|PE|CTH|CTSH|CC|RVC|\d{2}%|DMI|PSR)/i;

/** HS codes down the "HS Code" column, and on each code's row the words under "Origin Criterion". */
function goods(words: OcrWord[], lines: Line[]): { hs: string[]; criteria: string[] } {
  const hsHead = findLabel(lines, LABELS.hs);
  if (!hsHead) return { hs: [], criteria: [] };
  const h = hsHead.line.height;
  const crit = findLabel(lines, LABELS.criterion);
  const codes = words
    .map((w) => ({ ...w, text: w.text.replace(/[,:]/g, '.').replace(/[Oo]/g, '0') }))
    .filter(
      (w) =>
        w.top > hsHead.line.bottom - h * 0.3 &&
        w.top - hsHead.line.bottom < 20 * h &&
        Math.abs(w.left - hsHead.left) < 3 * h &&
        HS.test(w.text),
    )
    .sort((a, b) => a.top - b.top);
  const criteria = codes.map((c) => {
    if (!crit) return '';
    const mid = c.top + c.height / 2;
    const row = words
      .filter(
        (w) =>
          Math.abs(w.top + w.height / 2 - mid) < 0.7 * c.height &&
          w.left >= crit.left - 2 * h &&
          CRITERION.test(w.text),
      )
      .sort((a, b) => a.left - b.left);
    // "RVC 40%" is two words; keep the percentage that follows RVC.
    const texts = row.map((w) => w.text.toUpperCase().replace(/[^A-Z0-9%]+$/, ''));
    const rvc = texts.indexOf('RVC');
    if (rvc >= 0 && texts[rvc + 1]) return `RVC ${texts[rvc + 1]}`;
    return texts[0] ?? '';
  });
  return { hs: codes.map((c) => c.text), criteria };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "6 October 2024", "2024-10-06" or "06/10/2024" (day first, as on C/Os) → 2024-10-06. */
export function parseCoDate(text: string): string | null {
  const t = text.replace(/[,.]/g, ' ').trim();
  const iso = (y: number, m: number, d: number) =>
    m >= 1 && m <= 12 && d >= 1 && d <= 31 && y > 1990 && y < 2100
      ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
      : null;
  let m = t.match(/(\d{4})-(\d{1,2})-(\d{1,2})/);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = t.match(/(\d{1,2})\/(\d{1,2})\/(\d{4})/);
  if (m) return iso(+m[3]!, +m[2]!, +m[1]!);
  m = t.match(/(\d{1,2})\s+([A-Za-z]{3,})\s+(\d{4})/);
  if (m) return iso(+m[3]!, MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1, +m[1]!);
  return null;
}

function formType(words: OcrWord[]): FormType | null {
  const text = ` ${words.map((w) => w.text.toUpperCase()).join(' ')} `;
  if (/FORM\s+AK\b/.test(text)) return 'AK';
  if (/FORM\s+VK\b/.test(text)) return 'VK';
  if (/CHINA-KOREA|KOREA-CHINA/.test(text)) return 'KC';
  return null;
}

export function extractFields(words: OcrWord[]): CoFields {
  const lines = toLines(words);
  const labelled = (key: 'certificate_no' | 'issue_date' | 'issuing_body', fallbackBelow: boolean) => {
    const hit = findLabel(lines, LABELS[key]);
    if (!hit) return null;
    return rightOf(hit) || (fallbackBelow ? below(lines, hit) : '') || null;
  };
  const under = (key: 'exporter' | 'consignee') => {
    const hit = findLabel(lines, LABELS[key]);
    return hit ? below(lines, hit) || null : null;
  };
  const no = labelled('certificate_no', true);
  const date = labelled('issue_date', true);
  const g = goods(words, lines);
  return {
    form_type: formType(words),
    certificate_no: no ? (no.split(' ')[0] ?? '').replace(/[^A-Za-z0-9-]/g, '') || null : null,
    exporter: under('exporter'),
    consignee: under('consignee'),
    hs_codes: g.hs,
    origin_criteria: g.criteria,
    issue_date: date ? parseCoDate(date) : null,
    issuing_body: labelled('issuing_body', true),
  };
}
