/**
 * A dashboard as one standalone, printable HTML page: charts as inline SVG (`renderChartSvg`, the same
 * headless Vega as scheduled runs), tables, key figures, the title and each item's run time. No script:
 * the browser's print (or `pdf.ts`) turns it into a PDF; the print stylesheet keeps items whole on a page.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatKo } from '../../nodes/chart/format.ts';
import type { DashboardWithOwner } from './queries.ts';
import type { DashboardData, DashboardItem, ItemData } from './schemas.ts';

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** `2026-11-24T01:00:00Z` → `2026-11-24 10:00 (KST)`: officers read Seoul time; no ICU needed. */
export function kst(iso: string): string {
  const d = new Date(Date.parse(iso) + 9 * 3_600_000);
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} (KST)`;
}

const REPORT_ROWS = 50;
const FIG_LABEL = { count: '건수', sum: '합계', mean: '평균' } as const;

const STYLE = `
body{font-family:'Nanum Gothic',NanumGothic,'Noto Sans KR','Malgun Gothic',sans-serif;color:#1f2933;margin:24px;}
h1{font-size:22px;margin:0 0 4px}
.meta{color:#52606d;font-size:12px;margin-bottom:16px}
.filters{font-size:12px;margin-bottom:16px}
.grid{display:flex;flex-wrap:wrap;gap:12px}
.item{border:1px solid #cbd2d9;border-radius:4px;padding:10px;box-sizing:border-box;break-inside:avoid;page-break-inside:avoid}
.item h2{font-size:14px;margin:0 0 6px}
.item .run{color:#7b8794;font-size:11px;margin-top:6px}
.figure .value{font-size:30px;font-weight:bold;color:#0b4f8a}
table{border-collapse:collapse;font-size:11px;width:100%}
th,td{border:1px solid #e4e7eb;padding:2px 6px;text-align:left}
td.num{text-align:right}
svg{max-width:100%;height:auto}
.note{color:#7b8794;font-size:12px}
@page{size:A4 landscape;margin:12mm}
@media print{body{margin:0}.item{border-color:#9aa5b1}}
`;

export interface ReportInput {
  dashboard: DashboardWithOwner;
  data: DashboardData;
  /** Now, for the "made at" line. */
  at: Date;
  /** The filter values the data was read with (an empty list: all). */
  selection: Map<string, string[]>;
  /** Draws a chart spec as SVG text. */
  svg: (spec: TopLevelSpec) => Promise<string>;
}

export async function reportHtml({ dashboard, data, at, selection, svg }: ReportInput): Promise<string> {
  const d = dashboard.dashboard;
  const layout = [...(d.layout as DashboardItem[])].sort((a, b) => a.y - b.y || a.x - b.x);
  const byId = new Map(data.items.map((i) => [i.id, i]));
  const parts: string[] = [];
  for (const item of layout) parts.push(await itemHtml(item, byId.get(item.id), svg));
  const filterText = (f: DashboardData['filters'][number]) =>
    `${esc(f.label)}: ${esc(selection.get(f.column)?.join(', ') || '전체')}`;
  const chosen = data.filters.length
    ? `<div class="filters">필터 · ${data.filters.map(filterText).join(' · ')}</div>`
    : '';
  return `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>${esc(d.title)}</title><style>${STYLE}</style></head>
<body><h1>${esc(d.title)}</h1>
<div class="meta">작성자 ${esc(dashboard.owner.displayName)} · 보고서 생성 ${esc(kst(at.toISOString()))}</div>
${chosen}<div class="grid">${parts.join('\n')}</div></body></html>`;
}

async function itemHtml(item: DashboardItem, data: ItemData | undefined, svg: ReportInput['svg']): Promise<string> {
  // Width follows the 12-column grid, so the report keeps the dashboard's proportions.
  const width = `calc(${((item.w / 12) * 100).toFixed(2)}% - 12px)`;
  const head = `<h2>${esc(item.title || item.nodeId)}</h2>`;
  const run = data?.runAt ? `<div class="run">실행 ${esc(kst(data.runAt))}</div>` : '';
  const open = `<section class="item ${item.kind}" style="width:${width}">${head}`;
  if (data?.status !== 'ok') return `${open}<p class="note">${esc(statusText(data))}</p></section>`;
  if (item.kind === 'figure') {
    const label = FIG_LABEL[item.figure?.fn ?? 'count'];
    const value = data.value === null || data.value === undefined ? '–' : formatKo(data.value, 'man_eok');
    return `${open}<div class="value">${esc(value)}</div><div class="note">${esc(label)} ${esc(item.figure?.column ?? '')}</div>${run}</section>`;
  }
  if (item.kind === 'chart' && data.spec) {
    return `${open}${await svg(data.spec as unknown as TopLevelSpec)}${run}</section>`;
  }
  return `${open}${tableHtml(data)}${run}</section>`;
}

function tableHtml(data: ItemData): string {
  const cols = data.columns ?? [];
  const rows = (data.rows ?? []).slice(0, REPORT_ROWS);
  const head = cols.map((c) => `<th>${esc(c.name)}</th>`).join('');
  const body = rows.map((r) => `<tr>${cols.map((c) => cellHtml(r[c.name])).join('')}</tr>`).join('');
  const more = (data.totalRows ?? 0) > rows.length ? `<p class="note">${rows.length} / ${data.totalRows}행</p>` : '';
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${more}`;
}

const cellHtml = (v: unknown) =>
  typeof v === 'number' ? `<td class="num">${esc(formatKo(v, 'plain'))}</td>` : `<td>${esc(v)}</td>`;

function statusText(data: ItemData | undefined): string {
  if (!data || data.status === 'hidden') return '이 파이프라인을 볼 권한이 없습니다';
  if (data.status === 'no_run') return '아직 성공한 예약 실행 결과가 없습니다';
  return data.message ?? '불러오지 못했습니다';
}
