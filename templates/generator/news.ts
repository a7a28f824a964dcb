/**
 * Korean news headlines: a steady background (item news linked to an HS6, general trade news) plus, for each planted
 * event, a burst in its burst month that precedes the import spike of the linked HS6 by 1–2 months.
 */
import { DAYS, isoDate, monthStart } from './calendar.ts';
import { HS_LINES } from './catalog.ts';
import { type CsvWriter, text } from './csv.ts';
import { EVENTS } from './events.ts';
import { COUNTRIES } from './geo.ts';
import { Rng } from './random.ts';
import type { World } from './world-types.ts';

const SOURCES =
  '연합뉴스 뉴시스 뉴스1 한국경제 매일경제 서울경제 머니투데이 이데일리 조선비즈 한국무역신문 KBS MBC SBS'.split(' ');

const ITEM_TITLES = [
  '{item} 수입 꾸준히 증가…{country}산 비중 확대',
  '관세청, {country}산 {item} 원산지 표시 위반 단속',
  '{item} 수입가격 {dir}세…업계 "당분간 지속"',
  '{item} 통관 절차 간소화 추진',
  '{country}산 {item} 저가 신고 적발',
  'FTA 활용 {item} 수입, 원산지 검증 강화',
  '{item} 수입업체 {n}곳 세관 합동 점검',
];
const GENERAL_TITLES = [
  '{month}월 수출입 동향: 무역수지 {n}개월 연속 {balance}',
  '관세청, 수입물품 안전성 검사 강화',
  '환율 변동성 확대…수입업체 환리스크 관리 비상',
  '전자상거래 특송화물 통관 물량 증가세',
  '관세청, AEO 공인업체 확대 추진',
  '여름 휴가철 여행자 휴대품 면세한도 안내 강화',
  '해외직구 면세 악용 되팔이 단속',
  '관세청, 무역금융 편취 등 외환사범 집중 단속',
];

const itemName = (hs6: string) => (HS_LINES.find((l) => l.hs6 === hs6)?.itemKo ?? '').replace(/\(.*\)/, '').trim();

interface Story {
  day: number;
  source: string;
  title: string;
  keywords: string;
  hs6: string | null;
  event: string | null;
}

export function writeNews(world: World, out: CsvWriter): void {
  const rng = Rng.derive(world.seed, 'news');
  const total = Math.max(300, Math.round(600 * (world.rows / 20_000) ** 0.5));
  const perBurst = Math.max(10, Math.round(total * 0.02));
  const stories: Story[] = [];
  for (const e of EVENTS) {
    const start = monthStart(e.burstMonth);
    for (let k = 0; k < perBurst; k++) {
      const day = start + 2 + Math.round(rng.uniform(0, 12) + rng.uniform(0, 12));
      const title = rng.pick(e.titles);
      stories.push({ day, source: rng.pick(SOURCES), title, keywords: e.keywords.join(';'), hs6: e.hs6, event: e.id });
    }
  }
  const hs6s = [...new Set(HS_LINES.map((l) => l.hs6))];
  while (stories.length < total) {
    const day = rng.int(DAYS);
    if (rng.chance(0.6)) {
      const hs6 = rng.pick(hs6s);
      const item = itemName(hs6);
      const c = rng.pick(COUNTRIES.slice(0, 16));
      const title = rng
        .pick(ITEM_TITLES)
        .replace('{item}', item)
        .replace('{country}', c.ko)
        .replace('{dir}', rng.pick(['상승', '하락']))
        .replace('{n}', String(rng.between(5, 40)));
      stories.push({ day, source: rng.pick(SOURCES), title, keywords: `${item};${c.ko};수입`, hs6, event: null });
    } else {
      const date = isoDate(day);
      const title = rng
        .pick(GENERAL_TITLES)
        .replace('{month}', String(Number(date.slice(5, 7))))
        .replace('{n}', String(rng.between(2, 14)))
        .replace('{balance}', rng.pick(['흑자', '적자']));
      stories.push({ day, source: rng.pick(SOURCES), title, keywords: '관세청;통관;무역', hs6: null, event: null });
    }
  }
  stories.sort((a, b) => a.day - b.day);
  stories.forEach((s, i) => {
    const id = `N${String(i + 1).padStart(7, '0')}`;
    out.write([id, isoDate(s.day), s.source, text(s.title), text(s.keywords), s.hs6, s.event]);
  });
}
