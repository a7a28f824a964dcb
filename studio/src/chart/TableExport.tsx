import { useState } from 'react';
import './chart.css';
import { useLang } from '../i18n/useLang.ts';
import { useEngine } from '../inspect/useEngine.ts';
import { download, fileBase } from './download.ts';
import { encodeTable, MIME, type TableFormat } from './table-export.ts';

const TEXT = {
  title: { ko: '전체 결과 내보내기', en: 'Export the whole result' },
  busy: { ko: '내보내는 중…', en: 'Exporting…' },
  failed: { ko: '내보내기 실패', en: 'Export failed' },
} as const;

const FORMATS: TableFormat[] = ['csv', 'xlsx', 'parquet'];

/** CSV / XLSX / Parquet of the inspected node's full result (not just the rows on screen). */
export function TableExport(props: { relation: string; name: string }) {
  const [lang] = useLang();
  const engine = useEngine();
  const [busy, setBusy] = useState<TableFormat>();
  const [error, setError] = useState<string>();
  const save = async (format: TableFormat) => {
    if (!engine) return;
    setBusy(format);
    setError(undefined);
    try {
      const table = await engine.query(`SELECT * FROM ${props.relation}`);
      const bytes = await encodeTable(table, format, props.name);
      download(bytes, `${fileBase(props.name)}.${format}`, MIME[format]);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <fieldset className="table-export" aria-label={TEXT.title[lang]} title={TEXT.title[lang]}>
      {FORMATS.map((f) => (
        <button
          key={f}
          type="button"
          className="small"
          data-testid={`export-${f}`}
          disabled={!engine || busy !== undefined}
          onClick={() => void save(f)}
        >
          {busy === f ? TEXT.busy[lang] : f.toUpperCase()}
        </button>
      ))}
      {error && <span className="error small">{`${TEXT.failed[lang]}: ${error}`}</span>}
    </fieldset>
  );
}
