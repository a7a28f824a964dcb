import type { TemplateCategory } from '../../../server/db/schema.ts';

/** The KCS model categories (a copy of the server's list; type-checked against it). */
export const CATEGORIES: readonly TemplateCategory[] = [
  'general',
  'clearance_clustering',
  'clearance_risk_score',
  'xray_detection',
  'trade_finance',
  'bigfinder_links',
  'trend_prediction',
  'requirement_verification',
  'import_price',
  'tax_risk',
  'supply_chain',
  'document_association',
  'origin_certificate',
  'vessel_analysis',
  'export_support',
  'data_map',
  'consultation_chatbot',
  'hs_code_prediction',
];
