import { describe, expect, it } from 'vitest';
import { guessStage, joinKeys } from '../../nodes/model/_clearance-stages.ts';
import { fieldDictionary } from './dictionary.ts';

describe('data map stage guess and join keys', () => {
  it('puts the shipped tables where an officer would look for them', () => {
    const port = ['call_id', 'vessel_imo', 'vessel_name', 'port_code', 'arrival_time', 'departure_time', 'dwell_hours'];
    expect(guessStage(port)).toBe('arrival');
    expect(guessStage(['tx_id', 'company_id', 'tx_date', 'payee', 'payee_country', 'amount_krw', 'purpose_code'])).toBe(
      'post_audit',
    );
    expect(guessStage(['entry_id', 'entry_date', 'flight_no', 'inspected', 'violation'])).toBe('inspection'); // tie: later
    expect(
      guessStage(['Declaration ID', 'Date', 'Office ID', 'Process Type', 'Importer ID', 'HS6 Code', 'Fraud']),
    ).toBe('import_declaration');
    expect(guessStage(['화물관리번호', 'MBL', 'container_no'])).toBe('manifest');
    expect(guessStage(['company_id', 'name_ko', 'size'])).toBe('reference');
  });

  it('finds 신고번호, B/L, 통관고유부호 and HS columns', () => {
    expect(joinKeys(['declaration_id', 'bl_no', 'importer_id', 'hs10', 'hs6', 'value'])).toEqual([
      { key: 'declaration_no', columns: ['declaration_id'] },
      { key: 'bl', columns: ['bl_no'] },
      { key: 'importer_code', columns: ['importer_id'] },
      { key: 'hs', columns: ['hs10', 'hs6'] },
    ]);
    expect(joinKeys(['house B/L', 'HS6 Code', 'Importer ID'])).toEqual([
      { key: 'bl', columns: ['house B/L'] },
      { key: 'importer_code', columns: ['Importer ID'] },
      { key: 'hs', columns: ['HS6 Code'] },
    ]);
  });

  it('reads the KCS field dictionary with its multi-line descriptions', () => {
    const d = fieldDictionary();
    expect(d.map((f) => f.name).slice(0, 3)).toEqual(['신고일자', '신고세관 [CODE]', '신고구분[CODE]']);
    expect(d[2]!.description).toContain('A : 일반P/L신고\nB : 일반서류신고');
    expect(d.find((f) => f.no === 17)).toMatchObject({ name: '관세구분[CODE]', codeList: '관세율구분코드' });
  });
});
