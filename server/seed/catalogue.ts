/**
 * How each shipped pipeline appears in the gallery: its KCS model category (kcs-models.md) and tags. A shipped
 * file that is not listed here is still seeded, as `general` with the "예제" tag.
 */
import type { TemplateCategory } from '../db/schema.ts';

export interface CatalogueEntry {
  category: TemplateCategory;
  tags: string[];
}

const EXAMPLE = '예제';

const CATALOGUE: Record<string, CatalogueEntry> = {
  'bigfinder.pipeline.json': { category: 'bigfinder_links', tags: [EXAMPLE, 'BigFINDER', '연계망', '공범'] },
  'consultation-chatbot.pipeline.json': {
    category: 'consultation_chatbot',
    tags: [EXAMPLE, '상담', '챗봇', '질의응답'],
  },
  'co-recognition.pipeline.json': {
    category: 'origin_certificate',
    tags: [EXAMPLE, '원산지증명서', 'FTA', '인장', 'OCR'],
  },
  'cp949-declarations.pipeline.json': { category: 'general', tags: [EXAMPLE, '신고', 'CP949', '인코딩'] },
  'data-map.pipeline.json': { category: 'data_map', tags: [EXAMPLE, '데이터 맵', '메타데이터', '통관 단계'] },
  'document-association.pipeline.json': {
    category: 'document_association',
    tags: [EXAMPLE, '문서 연관', '판례', '유사 문서'],
  },
  'export-support.pipeline.json': { category: 'export_support', tags: [EXAMPLE, '수출지원', '중소기업', '추천'] },
  'hs-code.pipeline.json': { category: 'hs_code_prediction', tags: [EXAMPLE, 'HS 분류', '품목분류', '세번'] },
  'import-price-band.pipeline.json': { category: 'import_price', tags: [EXAMPLE, '저가신고', '수입가격', '세액'] },
  'importer-profile.pipeline.json': { category: 'general', tags: [EXAMPLE, '수입업체', '프로파일', '신고'] },
  'inspection-hit-rate.pipeline.json': { category: 'general', tags: [EXAMPLE, '검사', '적발률', '원산지'] },
  'issue-trends.pipeline.json': { category: 'trend_prediction', tags: [EXAMPLE, '이슈', '트렌드', '뉴스'] },
  'requirement-risk.pipeline.json': {
    category: 'requirement_verification',
    tags: [EXAMPLE, '요건확인', '세관장확인', '위험'],
  },
  'risk-clustering.pipeline.json': {
    category: 'clearance_clustering',
    tags: [EXAMPLE, 'AI 통관 심사', '군집', '위험'],
  },
  'risk-screening.pipeline.json': { category: 'clearance_risk_score', tags: [EXAMPLE, 'AI 통관 심사', '위험 점수'] },
  'supply-chain.pipeline.json': {
    category: 'supply_chain',
    tags: [EXAMPLE, '공급망', '우회수입', 'FTA', '원산지', '환급'],
  },
  'tax-risk-scorecard.pipeline.json': { category: 'tax_risk', tags: [EXAMPLE, '세무', '업체', '위험 점수'] },
  'trade-finance-gap.pipeline.json': { category: 'trade_finance', tags: [EXAMPLE, '무역금융', '외환', '송금'] },
  'traveller-links.pipeline.json': {
    category: 'bigfinder_links',
    tags: [EXAMPLE, 'BigFINDER', '여행자', '연계망', '밀수 조직'],
  },
  'under-valued-imports.pipeline.json': { category: 'import_price', tags: [EXAMPLE, '저가신고', 'HS6', '단가'] },
  'vessel-arrivals.pipeline.json': { category: 'vessel_analysis', tags: [EXAMPLE, '선박', '입출항', 'AIS'] },
  'xray-detect.pipeline.json': { category: 'xray_detection', tags: [EXAMPLE, 'AI X-ray', '은닉물', '영상 판독'] },
};

export function catalogueEntry(file: string): CatalogueEntry {
  return CATALOGUE[file] ?? { category: 'general', tags: [EXAMPLE] };
}

const HANGUL = /[\uac00-\ud7a3]/g;
const LATIN = /[A-Za-z]/g;

/**
 * A shipped description holds Korean and English sentences (Korean first, by convention). Split by sentence:
 * a sentence is Korean when at least 30 % of its letters are Hangul (an English sentence that quotes a Korean
 * law name stays English).
 */
export function splitBilingual(text: string): { ko: string; en: string } {
  const ko: string[] = [];
  const en: string[] = [];
  for (const sentence of text.trim().split(/(?<=[.!?。])\s+/)) {
    const hangul = sentence.match(HANGUL)?.length ?? 0;
    const latin = sentence.match(LATIN)?.length ?? 0;
    (hangul > 0 && hangul / (hangul + latin) >= 0.3 ? ko : en).push(sentence);
  }
  return { ko: ko.join(' '), en: en.join(' ') };
}

/** The gallery's description: the Korean part, then the English part in its own paragraph. */
export function galleryDescription(text: string): string {
  const { ko, en } = splitBilingual(text);
  return [ko, en].filter(Boolean).join('\n\n');
}
