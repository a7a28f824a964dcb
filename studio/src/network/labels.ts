import type { Label } from '../../../runtime/nodes/param-meta.ts';

/** The network view's texts (kept here: the view is the only reader). */
export const L = {
  title: { ko: '연계망 보기', en: 'Network view' },
  loading: { ko: '연계망을 읽고 배치하는 중…', en: 'Reading and laying out the network…' },
  failed: { ko: '연계망을 그리지 못했습니다: {message}', en: 'Could not draw the network: {message}' },
  noWebGl: {
    ko: '이 브라우저에서는 WebGL을 쓸 수 없어 연계망을 그릴 수 없습니다. 표는 아래에 있습니다.',
    en: 'WebGL is not available in this browser, so the network cannot be drawn. The table is below.',
  },
  summary: {
    ko: '개체 {shown}/{nodes}개 · 연결 {edges}개',
    en: '{shown} of {nodes} entities · {edges} links',
  },
  truncated: {
    ko: '(표의 개체 {total}개 중 위험이 높은 {max}개만 읽었습니다)',
    en: '(read the {max} riskiest of {total} entities)',
  },
  colourBy: { ko: '색', en: 'Colour' },
  sizeBy: { ko: '크기', en: 'Size' },
  risk: { ko: '위험도', en: 'Risk' },
  community: { ko: '커뮤니티', en: 'Community' },
  pagerank: { ko: 'PageRank', en: 'PageRank' },
  degree: { ko: '연결 수', en: 'Degree' },
  betweenness: { ko: '매개 중심성', en: 'Betweenness' },
  search: { ko: '개체 찾기', en: 'Find an entity' },
  searchButton: { ko: '찾기', en: 'Find' },
  notFound: { ko: '"{query}"에 맞는 개체가 없습니다', en: 'No entity matches "{query}"' },
  showAll: { ko: '모든 개체 보기', en: 'Show every entity' },
  expand: { ko: '이웃 펼치기', en: 'Expand neighbours' },
  clear: { ko: '선택 해제', en: 'Clear selection' },
  pickHint: {
    ko: '점을 누르면 자세한 내용과 위반자까지의 근거 경로가 보입니다.',
    en: 'Click an entity for its details and its evidence path to a violator.',
  },
  entity: { ko: '개체', en: 'Entity' },
  entityType: { ko: '종류(열)', en: 'Type (column)' },
  isSeed: { ko: '알려진 위반자', en: 'Known violator' },
  yes: { ko: '예', en: 'Yes' },
  no: { ko: '아니오', en: 'No' },
  suspectRank: { ko: '공범 의심 순위', en: 'Suspect rank' },
  nearestSeed: { ko: '가장 가까운 위반자', en: 'Nearest violator' },
  evidencePath: { ko: '근거 경로', en: 'Evidence path' },
  noPath: { ko: '위반자와 이어져 있지 않음', en: 'Not linked to a violator' },
  component: { ko: '연결 요소 (크기)', en: 'Component (size)' },
} satisfies Record<string, Label>;
