import type { Label } from '../../../runtime/nodes/param-meta.ts';

/** The export's texts (kept here: these components are the only readers). */
export const L = {
  button: { ko: 'SQL로 내보내기', en: 'Export as SQL' },
  buttonUpTo: { ko: '이 단계까지 SQL로 내보내기', en: 'Export up to this step as SQL' },
  titleAll: { ko: '파이프라인 전체의 DuckDB SQL', en: 'DuckDB SQL of the whole pipeline' },
  titleUpTo: { ko: '“{node}” 단계까지의 DuckDB SQL', en: 'DuckDB SQL up to “{node}”' },
  help: {
    ko: '같은 행을 내는 SQL 스크립트입니다. DuckDB 명령줄이나 다른 도구에서 그대로 실행할 수 있습니다.',
    en: 'A script that gives the same rows; run it as is in the DuckDB command line or another tool.',
  },
  making: { ko: 'SQL을 만드는 중…', en: 'Writing the SQL…' },
  notRunnable: {
    ko: '파이프라인에 고칠 곳이 있어 SQL로 내보낼 수 없습니다.',
    en: 'The pipeline has problems to fix before it can be exported.',
  },
  failed: { ko: 'SQL을 만들지 못했습니다: {message}', en: 'Could not write the SQL: {message}' },
  copy: { ko: '복사', en: 'Copy' },
  copied: { ko: '복사했습니다', en: 'Copied' },
  download: { ko: '.sql 내려받기', en: 'Download .sql' },
  close: { ko: '닫기', en: 'Close' },
} satisfies Record<string, Label>;

/** A file name from the pipeline's name (and the step's id), safe on every system. */
export function sqlFileName(pipelineName: string, nodeId?: string): string {
  const base = [pipelineName, nodeId]
    .filter((part): part is string => !!part)
    .join('-')
    .replace(/[\\/:*?"<>|\s]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return `${base || 'pipeline'}.sql`;
}
