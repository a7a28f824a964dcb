/** Templated but varied Korean consultation Q&A pairs (chatbot corpus); intent_id groups paraphrases. */
import { DAYS, isoDate } from './calendar.ts';
import { HS_LINES, type HsLine } from './catalog.ts';
import { type CsvWriter, text } from './csv.ts';
import { COUNTRIES, type Country } from './geo.ts';
import { ftaRateOf } from './lanes.ts';
import { ANSWER_OPENINGS, CLOSINGS, GREETINGS, INTENTS } from './qa-templates.ts';
import { Rng } from './random.ts';
import type { World } from './world-types.ts';

/** Resolves 을/를, 은/는, 과/와, 이/가 against the last Hangul syllable before it, skipping parentheticals. */
export function josa(s: string): string {
  return s.replace(/을\/를|은\/는|과\/와|이\/가/g, (pair: string, offset: number) => {
    let depth = 0;
    let last = '';
    for (let i = offset - 1; i >= 0 && last === ''; i--) {
      const ch = s[i] ?? '';
      if (ch === ')') depth++;
      else if (ch === '(') depth--;
      else if (depth === 0 && ch >= '가' && ch <= '힣') last = ch;
    }
    const batchim = last !== '' && (last.charCodeAt(0) - 0xac00) % 28 !== 0;
    const [withB, withoutB] = pair.split('/') as [string, string];
    return batchim ? withB : withoutB;
  });
}

const pct = (r: number) => (r * 100).toFixed(1).replace(/\.0$/, '');

function fill(template: string, hs: HsLine, c: Country): string {
  const ftaRate = c.fta ? ftaRateOf(hs, c.fta) : hs.generalRate;
  const ftaSentence =
    c.fta && ftaRate < hs.generalRate
      ? `${c.ko}과/와의 FTA 협정세율(${c.fta})을 적용받으면 ${pct(ftaRate)}%이며, 원산지증빙서류를 갖추어야 합니다.`
      : `${c.ko}산은 이 품목에 낮은 협정세율이 없어 기본세율 또는 WTO 협정세율이 적용됩니다.`;
  const requirement = hs.law
    ? `${hs.itemKo}(HS ${hs.hs10})은/는 「${hs.law}」에 따른 세관장확인 대상입니다. 수입신고 때 해당 법령의 요건을 갖추었음을 증명하는 서류를 제출해야 하며, 요건 비대상으로 신고하려면 그 사유를 입증해야 합니다.`
    : `${hs.itemKo}(HS ${hs.hs10})은/는 현재 세관장확인 대상 품목이 아닙니다. 다만 다른 법령상 요건이 있는지 수입 전에 확인하시기 바랍니다.`;
  const issuing = ['FCN1', 'FAS1', 'FIN1', 'FVN1'].includes(c.fta ?? '') ? '기관발급' : '수출자 등이 자율발급한';
  return josa(
    template
      .replaceAll('{ftasentence}', ftaSentence)
      .replaceAll('{requirement}', requirement)
      .replaceAll('{issuing}', issuing)
      .replaceAll('{item}', hs.itemKo)
      .replaceAll('{hs10}', hs.hs10)
      .replaceAll('{country}', c.ko)
      .replaceAll('{general}', pct(hs.generalRate)),
  );
}

export function writeConsultations(world: World, out: CsvWriter): void {
  const rng = Rng.derive(world.seed, 'consultations');
  const total = Math.min(3000, Math.max(200, Math.round(world.rows / 50)));
  const fta = COUNTRIES.filter((c) => c.fta !== null);
  const rows = Array.from({ length: total }, () => {
    const intent = rng.pick(INTENTS);
    const hs = rng.pick(HS_LINES);
    const c = rng.pick(intent.id.startsWith('fta') || intent.id === 'direct_transport' ? fta : COUNTRIES.slice(0, 20));
    const q = `${rng.pick(GREETINGS)}${fill(rng.pick(intent.questions), hs, c)}${rng.pick(CLOSINGS)}`;
    const a = `${rng.pick(ANSWER_OPENINGS)}${fill(intent.answer, hs, c)}`;
    const related = intent.usesItem && (q.includes(hs.itemKo) || a.includes(hs.hs10)) ? hs.hs10 : null;
    return { day: rng.int(DAYS), category: intent.category, q, a, related, intent: intent.id };
  });
  rows.sort((x, y) => x.day - y.day);
  rows.forEach((r, i) => {
    out.write([
      `QA${String(i + 1).padStart(6, '0')}`,
      isoDate(r.day),
      text(r.category),
      text(r.q),
      text(r.a),
      r.related,
      r.intent,
    ]);
  });
}
