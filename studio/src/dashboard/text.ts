import { useMemo } from 'react';
import type { Lang } from '../i18n/lang-store.ts';
import { useLang } from '../i18n/useLang.ts';

/** The dashboard pages' texts (Korean first). */
const KO = {
  'list.title': '대시보드',
  'list.mine': '내 대시보드',
  'list.shared': '공유된 대시보드',
  'list.new': '새 대시보드',
  'list.newTitle': '제목',
  'list.create': '만들기',
  'list.empty': '아직 대시보드가 없습니다',
  'list.all': '모두 보기',
  'list.items': '개 항목',
  'dash.edit': '편집',
  'dash.done': '편집 끝',
  'dash.save': '저장',
  'dash.saved': '저장됨',
  'dash.add': '항목 추가',
  'dash.report': '보고서 (인쇄용 HTML)',
  'dash.pdf': 'PDF',
  'dash.copyLink': '링크 복사',
  'dash.copied': '링크를 복사했습니다',
  'dash.visibility': '공개 범위',
  'vis.private': '나만',
  'vis.department': '부서',
  'vis.public': '전체',
  'dash.filters': '필터',
  'dash.addFilter': '필터 추가',
  'dash.filterColumn': '열 이름',
  'dash.allValues': '전체',
  'dash.remove': '삭제',
  'dash.empty': '항목을 추가하세요',
  'dash.owner': '작성자',
  'item.run': '실행',
  'item.hidden': '이 파이프라인을 볼 권한이 없습니다',
  'item.noRun': '아직 성공한 예약 실행 결과가 없습니다',
  'item.rows': '행',
  'item.of': '중',
  'add.title': '항목 추가',
  'add.pipeline': '파이프라인',
  'add.node': '노드 (최근 예약 실행 결과)',
  'add.kind': '종류',
  'add.noNodes': '이 파이프라인의 성공한 예약 실행 결과가 없습니다',
  'add.itemTitle': '제목',
  'add.fn': '계산',
  'add.column': '열',
  'add.ok': '추가',
  'kind.chart': '차트',
  'kind.table': '표',
  'kind.figure': '핵심 수치',
  'fn.count': '건수',
  'fn.sum': '합계',
  'fn.mean': '평균',
  'common.cancel': '취소',
  'common.loading': '불러오는 중…',
} as const;

export type DashKey = keyof typeof KO;

const EN: Record<DashKey, string> = {
  'list.title': 'Dashboards',
  'list.mine': 'My dashboards',
  'list.shared': 'Shared with me',
  'list.new': 'New dashboard',
  'list.newTitle': 'Title',
  'list.create': 'Create',
  'list.empty': 'No dashboards yet',
  'list.all': 'See all',
  'list.items': ' items',
  'dash.edit': 'Edit',
  'dash.done': 'Done',
  'dash.save': 'Save',
  'dash.saved': 'Saved',
  'dash.add': 'Add item',
  'dash.report': 'Report (printable HTML)',
  'dash.pdf': 'PDF',
  'dash.copyLink': 'Copy link',
  'dash.copied': 'Link copied',
  'dash.visibility': 'Visibility',
  'vis.private': 'Only me',
  'vis.department': 'Department',
  'vis.public': 'Everyone',
  'dash.filters': 'Filters',
  'dash.addFilter': 'Add filter',
  'dash.filterColumn': 'Column name',
  'dash.allValues': 'All',
  'dash.remove': 'Remove',
  'dash.empty': 'Add items',
  'dash.owner': 'Owner',
  'item.run': 'Run',
  'item.hidden': 'You may not see this pipeline',
  'item.noRun': 'No succeeded scheduled run yet',
  'item.rows': 'rows',
  'item.of': 'of',
  'add.title': 'Add item',
  'add.pipeline': 'Pipeline',
  'add.node': 'Node (latest scheduled run)',
  'add.kind': 'Kind',
  'add.noNodes': 'This pipeline has no succeeded scheduled run',
  'add.itemTitle': 'Title',
  'add.fn': 'Figure',
  'add.column': 'Column',
  'add.ok': 'Add',
  'kind.chart': 'Chart',
  'kind.table': 'Table',
  'kind.figure': 'Key figure',
  'fn.count': 'Count',
  'fn.sum': 'Sum',
  'fn.mean': 'Mean',
  'common.cancel': 'Cancel',
  'common.loading': 'Loading…',
};

export type DashT = (key: DashKey) => string;

export const dashText =
  (lang: Lang): DashT =>
  (key) =>
    lang === 'en' ? EN[key] : KO[key];

export function useDashT(): DashT {
  const [lang] = useLang();
  return useMemo(() => dashText(lang), [lang]);
}

/** `2026-11-24T01:00:00Z` → `2026-11-24 10:00`: officers read Seoul time (KST has no daylight saving). */
export function kstTime(iso: string): string {
  return new Date(Date.parse(iso) + 9 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
