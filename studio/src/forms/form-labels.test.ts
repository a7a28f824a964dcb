import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { registry } from '../../../nodes/index.ts';
import { describeSchema } from './describe-schema.ts';
import { type FormApi, FormContext } from './FormContext.ts';
import { ObjectFields } from './ObjectFields.tsx';

/** A node's generated form as HTML (no DOM in this test environment: the markup is read with patterns). */
function render(type: string, params: Record<string, unknown>, lang: 'ko' | 'en' = 'ko'): string {
  const spec = describeSchema(registry.get(type)!.params as never);
  const api: FormApi = {
    nodeId: 'n1',
    nodeType: type,
    lang,
    set: () => {},
    columns: () => [{ name: 'amount', type: 'HUGEINT' }],
    issues: () => [],
    relations: [],
  };
  return renderToStaticMarkup(
    createElement(
      FormContext.Provider,
      { value: api },
      createElement(ObjectFields, { fields: spec.fields ?? [], path: '', value: params }),
    ),
  );
}

const reEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The opening tag (and, for a select, its content) of the control a `<label for>` with `text` names. */
function controlOf(html: string, text: string): string | undefined {
  const label = new RegExp(`<label[^>]*for="([^"]+)"[^>]*>${reEscape(text)}</label>`).exec(html);
  if (!label) return undefined;
  const id = reEscape(label[1]!);
  return (
    new RegExp(`<select[^>]*id="${id}"[^>]*>[\\s\\S]*?</select>`).exec(html)?.[0] ??
    new RegExp(`<input[^>]*id="${id}"[^>]*>`).exec(html)?.[0]
  );
}

function optionsOf(select: string | undefined): [string, string][] {
  return [...(select ?? '').matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map((m) => [m[1]!, m[2]!]);
}

describe('generated forms: labels tied to their inputs', () => {
  it('ties "내림차순" to its checkbox, "열" to its column box, "상위 n행만" to its number box', () => {
    const html = render('prep.sort', { by: [{ column: 'amount', desc: false }] });
    expect(controlOf(html, '내림차순')).toMatch(/^<input[^>]*type="checkbox"/);
    expect(controlOf(html, '열')).toMatch(/^<input[^>]*class="column-picker"/);
    expect(controlOf(html, '상위 n행만')).toMatch(/^<input[^>]*type="number"/);
  });

  it('names a list of settings as a group by its label', () => {
    const html = render('prep.sort', { by: [] });
    const labelId = /role="group" aria-labelledby="([^"]+)"/.exec(html)?.[1];
    expect(labelId).toBeDefined();
    expect(html).toMatch(new RegExp(`<span class="field-label" id="${reEscape(labelId!)}">정렬 기준</span>`));
  });

  it('shows the choices of a select by their Korean names, the value kept', () => {
    const options = optionsOf(controlOf(render('chart.vega', { mark: 'grouped_bar' }), '차트 종류'));
    expect(options).toContainEqual(['bar', '막대']);
    expect(options).toContainEqual(['grouped_bar', '묶은 막대']);
    expect(options).toContainEqual(['pie', '원형']);
  });

  it('shows aggregate functions as 개수/합계 in Korean and Count/Sum in English', () => {
    const names = (lang: 'ko' | 'en') => {
      const html = render(
        'prep.aggregate',
        { groupBy: [], measures: [{ fn: 'sum', column: 'amount', as: 't' }] },
        lang,
      );
      return optionsOf(controlOf(html, lang === 'ko' ? '집계 함수' : 'Function'))
        .map(([, text]) => text)
        .slice(0, 3);
    };
    expect(names('ko')).toEqual(['개수', '고유 개수', '합계']);
    expect(names('en')).toEqual(['Count', 'Distinct count', 'Sum']);
  });

  it('offers DuckDB types in words with the exact name beside them', () => {
    const html = render('prep.cast', { columns: { amount: 'BIGINT' } });
    expect(html).toContain('>정수 · BIGINT</option>');
    expect(html).toContain('>문자 · VARCHAR</option>');
  });
});
