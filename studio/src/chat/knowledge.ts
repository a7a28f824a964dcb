import type { Engine } from '../../../runtime/engine/engine.ts';
import type { KnowledgeEntry } from '../../../runtime/text/qa-retrieval.ts';
import { sampleUrl } from '../sources/samples.ts';

/**
 * The chatbot's knowledge: the shipped consultations, classification rulings and court judgments (the samples the
 * `consultation-chatbot` template reads), parsed by the browser's DuckDB and shaped as that template's knowledge node.
 */
const FILES = ['consultations.csv', 'hs-rulings.csv', 'court-judgments.csv'] as const;

const KNOWLEDGE_SQL = `
SELECT CAST(qa_id AS VARCHAR) AS id, '상담 · ' || category AS source, CAST(asked_date AS VARCHAR) AS date,
       question_ko AS question, answer_ko AS answer
FROM read_csv('chat_consultations.csv')
UNION ALL
SELECT CAST(rrdc_no AS VARCHAR), '결정례', CAST(시행일자 AS VARCHAR), 품명 || ' ' || 물품설명,
       '품목분류 HS ' || CAST(결정세번_정규화 AS VARCHAR) || ' (' || 참조번호 || '). ' || 결정사유
FROM read_csv('chat_hs-rulings.csv', types = {'rrdc_no': 'VARCHAR', '결정세번_정규화': 'VARCHAR'})
UNION ALL
SELECT 사건번호, '판례 · ' || 결과, CAST(선고일자 AS VARCHAR), 사건명 || ' ' || left(coalesce(청구취지, ''), 300),
       left(coalesce(판결주문, '') || ' ' || coalesce(판결이유, ''), 1000)
FROM read_csv('chat_court-judgments.csv')`;

export async function loadKnowledge(engine: Engine, fetcher: typeof fetch = fetch): Promise<KnowledgeEntry[]> {
  for (const name of FILES) {
    const response = await fetcher(sampleUrl(name));
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    await engine.registerFile(`chat_${name}`, new Uint8Array(await response.arrayBuffer()));
  }
  try {
    const r = await engine.query(KNOWLEDGE_SQL);
    return r.rows.map((row) => ({
      id: String(row.id ?? ''),
      question: String(row.question ?? ''),
      answer: String(row.answer ?? ''),
      source: row.source == null ? undefined : String(row.source),
      date: row.date == null ? undefined : String(row.date).slice(0, 10),
    }));
  } finally {
    for (const name of FILES) await engine.dropFile(`chat_${name}`);
  }
}
