/**
 * Column lists of every generated table with their DuckDB types (CSV header order; parquet column types).
 * Columns listed in GROUND_TRUTH are planted truth for evaluation and must never be used as model features.
 */
export type ColumnType = 'VARCHAR' | 'DATE' | 'TIMESTAMP' | 'BOOLEAN' | 'INTEGER' | 'BIGINT' | 'DOUBLE';

export interface TableSchema {
  file: string;
  columns: readonly (readonly [string, ColumnType])[];
}

const V = 'VARCHAR';

export const TABLES = {
  companies: {
    file: 'companies',
    columns: [
      ['company_id', V],
      ['business_no', V],
      ['name_ko', V],
      ['name_en', V],
      ['region', V],
      ['industry', V],
      ['size', V],
      ['founded', 'DATE'],
      ['aeo_certified', 'BOOLEAN'],
      ['tax_delinquent', 'BOOLEAN'],
      ['risk_segment', V],
      ['planted_ring', V],
    ],
  },
  declarations: {
    file: 'declarations',
    columns: [
      ['declaration_id', V],
      ['declaration_date', 'DATE'],
      ['importer_id', V],
      ['declarant_id', V],
      ['seller_id', V],
      ['seller_country', V],
      ['hs10', V],
      ['hs6', V],
      ['item_name_ko', V],
      ['item_name_en', V],
      ['origin_country', V],
      ['departure_country', V],
      ['transport_mode', V],
      ['customs_office', V],
      ['incoterms', V],
      ['quantity', 'BIGINT'],
      ['net_mass_kg', 'DOUBLE'],
      ['declared_value_krw', 'BIGINT'],
      ['unit_price_usd', 'DOUBLE'],
      ['currency', V],
      ['exchange_rate', 'DOUBLE'],
      ['tax_type', V],
      ['tax_rate', 'DOUBLE'],
      ['duty_krw', 'BIGINT'],
      ['requirement_required', 'BOOLEAN'],
      ['requirement_exempt_claimed', 'BOOLEAN'],
      ['inspected', 'BOOLEAN'],
      ['fraud', 'INTEGER'],
      ['critical_fraud', 'INTEGER'],
      ['revenue_recovered_krw', 'BIGINT'],
      ['fraud_type', V],
      ['planted', V],
    ],
  },
  fx: {
    file: 'fx_transactions',
    columns: [
      ['tx_id', V],
      ['company_id', V],
      ['tx_date', 'DATE'],
      ['payee', V],
      ['payee_name', V],
      ['payee_country', V],
      ['amount', 'DOUBLE'],
      ['currency', V],
      ['amount_krw', 'BIGINT'],
      ['purpose_code', V],
      ['planted_anomaly', V],
    ],
  },
  travellers: {
    file: 'travellers',
    columns: [
      ['entry_id', V],
      ['traveller_id', V],
      ['name_ko', V],
      ['nationality', V],
      ['birth_year', 'INTEGER'],
      ['passport_no', V],
      ['entry_date', 'DATE'],
      ['flight_no', V],
      ['origin_airport', V],
      ['declared_items', V],
      ['carried_value_usd', 'DOUBLE'],
      ['companion_group_id', V],
      ['inspected', 'BOOLEAN'],
      ['violation', 'INTEGER'],
      ['planted', V],
    ],
  },
  supplyChain: {
    file: 'supply_chain',
    columns: [
      ['tx_id', V],
      ['seller_company_id', V],
      ['buyer_company_id', V],
      ['tx_date', 'DATE'],
      ['hs10', V],
      ['quantity', 'BIGINT'],
      ['amount_krw', 'BIGINT'],
      ['drawback_claimed', 'BOOLEAN'],
      ['planted', V],
    ],
  },
  portCalls: {
    file: 'port_calls',
    columns: [
      ['call_id', V],
      ['vessel_imo', V],
      ['vessel_name', V],
      ['vessel_type', V],
      ['flag', V],
      ['port_code', V],
      ['port_name_ko', V],
      ['arrival_time', 'TIMESTAMP'],
      ['departure_time', 'TIMESTAMP'],
      ['previous_port', V],
      ['next_port', V],
      ['dwell_hours', 'DOUBLE'],
      ['anomaly_note', V],
    ],
  },
  news: {
    file: 'news',
    columns: [
      ['news_id', V],
      ['published_date', 'DATE'],
      ['source', V],
      ['title_ko', V],
      ['keywords', V],
      ['linked_hs6', V],
      ['planted_event', V],
    ],
  },
  consultations: {
    file: 'consultations',
    columns: [
      ['qa_id', V],
      ['asked_date', 'DATE'],
      ['category', V],
      ['question_ko', V],
      ['answer_ko', V],
      ['related_hs10', V],
      ['intent_id', V],
    ],
  },
  exporters: {
    file: 'exporters',
    columns: [
      ['company_id', V],
      ['name_ko', V],
      ['region', V],
      ['industry', V],
      ['size', V],
      ['certifications', V],
      ['export_since', 'DATE'],
      ['support_track', V],
    ],
  },
  exportDeclarations: {
    file: 'export_declarations',
    columns: [
      ['export_id', V],
      ['export_date', 'DATE'],
      ['exporter_id', V],
      ['hs10', V],
      ['hs6', V],
      ['item_name_ko', V],
      ['destination_country', V],
      ['transport_mode', V],
      ['fob_value_krw', 'BIGINT'],
    ],
  },
  exportProgrammes: {
    file: 'export_programmes',
    columns: [
      ['programme_id', V],
      ['name_ko', V],
      ['name_en', V],
      ['agency', V],
      ['description_ko', V],
      ['target_sizes', V],
      ['target_hs2', V],
      ['target_destinations', V],
      ['required_certification', V],
      ['min_annual_export_krw', 'BIGINT'],
      ['max_annual_export_krw', 'BIGINT'],
      ['focus', V],
    ],
  },
  programmeParticipation: {
    file: 'programme_participation',
    columns: [
      ['company_id', V],
      ['programme_id', V],
      ['year', 'INTEGER'],
    ],
  },
} as const satisfies Record<string, TableSchema>;

export type TableKey = keyof typeof TABLES;

export function header(table: TableSchema): string[] {
  return table.columns.map(([name]) => name);
}

/** Ground-truth columns per table: evaluation only, never features. */
export const GROUND_TRUTH: Record<TableKey, readonly string[]> = {
  companies: ['risk_segment', 'planted_ring'],
  declarations: ['fraud_type', 'planted'],
  fx: ['planted_anomaly'],
  travellers: ['planted'],
  supplyChain: ['planted'],
  portCalls: ['anomaly_note'],
  news: ['planted_event'],
  consultations: ['intent_id'],
  exporters: ['support_track'],
  exportDeclarations: [],
  exportProgrammes: [],
  programmeParticipation: [],
};
