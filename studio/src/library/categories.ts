import type { TemplateCategory } from '../../../server/db/schema.ts';

/** What officers read: the portal's names for the KCS analysis models (every category: the type checks it). */
const LABELS: Record<TemplateCategory, { ko: string; en: string }> = {
  general: { ko: '일반 분석', en: 'General analysis' },
  clearance_clustering: { ko: 'AI 통관 심사 1차(군집)', en: 'AI clearance screening, 1st (clusters)' },
  clearance_risk_score: { ko: 'AI 통관 심사 2차(위험 점수)', en: 'AI clearance screening, 2nd (risk score)' },
  xray_detection: { ko: 'AI X-ray 판독', en: 'AI X-ray' },
  trade_finance: { ko: '무역금융 모니터링', en: 'Trade-finance monitoring' },
  bigfinder_links: { ko: '빅파인더(연계 분석)', en: 'BigFINDER (link analysis)' },
  trend_prediction: { ko: '이슈·동향 예측', en: 'Issue and trend prediction' },
  requirement_verification: { ko: '요건확인 비대상 위험', en: 'Requirement-verification risk' },
  import_price: { ko: '수입가격 예측·저가 신고', en: 'Import price and under-valuation' },
  tax_risk: { ko: '기업 세액 위험', en: 'Company tax risk' },
  supply_chain: { ko: '공급망 거래 시각화', en: 'Supply-chain flows' },
  document_association: { ko: '비정형 문서 연관 분석', en: 'Document association' },
  origin_certificate: { ko: '원산지증명서 인식', en: 'Certificate-of-origin recognition' },
  vessel_analysis: { ko: '선박 입출항 분석', en: 'Vessel arrivals and departures' },
  export_support: { ko: '수출 지원사업 추천', en: 'Export-support recommendation' },
  data_map: { ko: '관세 데이터 맵', en: 'Customs data map' },
  consultation_chatbot: { ko: '상담 챗봇', en: 'Consultation chatbot' },
  hs_code_prediction: { ko: 'HS 코드 예측', en: 'HS code prediction' },
};

export function categoryLabel(category: string, lang: 'ko' | 'en'): string {
  return LABELS[category as TemplateCategory]?.[lang] ?? category;
}

/** The categories in the order officers pick them, derived from the names above. */
export const CATEGORIES = Object.keys(LABELS) as TemplateCategory[];
