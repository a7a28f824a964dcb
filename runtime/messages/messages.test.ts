import { describe, expect, it } from 'vitest';
import { requireColumn, single } from '../../nodes/_shared/columns.ts';
import { chartParams } from '../../nodes/chart/params.ts';
import { chartPlan } from '../../nodes/chart/plan.ts';
import { nodeDefinitions } from '../../nodes/index.ts';
import { aggregate } from '../../nodes/prep/aggregate.ts';
import { filter } from '../../nodes/prep/filter.ts';
import { validatePipeline } from '../document/validate.ts';
import type { ParamError } from '../errors.ts';
import { doc, testRegistry, values } from '../testing/harness.ts';
import { CATALOGUE } from './catalogue.ts';
import { withJosa } from './josa.ts';
import { fieldLabel, paramIssueMessage } from './params.ts';
import { type Message, renderMessage } from './render.ts';
import { typeLabel } from './type-names.ts';

const registry = testRegistry(nodeDefinitions);
const SRC = { id: 'src', type: 'test.values', params: values(['amount:INTEGER'], [[1]]) };
const ko = (m: Message | undefined) => (m ? renderMessage(m, 'ko') : '');
const en = (m: Message | undefined) => (m ? renderMessage(m, 'en') : '');

describe('Korean particles', () => {
  it('picks the form the last sound asks for', () => {
    expect(withJosa('‹필터 조건›', '을')).toBe('‹필터 조건›을');
    expect(withJosa('‹결과 열 이름›', '을')).toBe('‹결과 열 이름›을');
    expect(withJosa('‹입력›', '이')).toBe('‹입력›이');
    expect(withJosa('‹열›', '이')).toBe('‹열›이');
    expect(withJosa('‹왼쪽›', '이')).toBe('‹왼쪽›이');
    expect(withJosa('‹값›', '은')).toBe('‹값›은');
    expect(withJosa('‹집계 함수›', '은')).toBe('‹집계 함수›는');
    expect(withJosa('정수', '으로')).toBe('정수로');
    expect(withJosa('날짜', '으로')).toBe('날짜로');
    expect(withJosa('문자열', '으로')).toBe('문자열로');
    expect(withJosa('실수형', '으로')).toBe('실수형으로');
    expect(withJosa('#', '을')).toBe('#을(를)');
  });
});

describe('param issues in words', () => {
  it('names a nested setting by its labels, counting items from 1, never by its zod path', () => {
    expect(fieldLabel(aggregate.params, ['measures', 0, 'as'])).toEqual({
      ko: '집계 항목 1번째 › 결과 열 이름',
      en: 'Measures #1 › Output name',
    });
  });

  it('says a missing or empty setting in Korean and English', () => {
    const r = validatePipeline(
      doc(
        [
          SRC,
          {
            id: 'agg',
            type: 'prep.aggregate',
            params: { groupBy: [], measures: [{ fn: 'sum', column: 'amount', as: '' }] },
          },
          { id: 'f', type: 'prep.filter', params: {} },
        ],
        [
          ['src', 'agg'],
          ['src', 'f'],
        ],
      ),
      registry,
    );
    expect(r.ok).toBe(false);
    const texts = (r.ok ? [] : r.issues).map((i) => [i.nodeId, ko(i.msg), en(i.msg)]);
    expect(texts).toContainEqual([
      'agg',
      '‹집계 항목 1번째 › 결과 열 이름›은 비워 둘 수 없습니다',
      'Measures #1 › Output name: must not be empty',
    ]);
    // The filter's own refinement (where xor rules) speaks for itself; no zod path and no "Invalid input".
    for (const [, k] of texts) {
      expect(k).not.toMatch(/Invalid input|measures\.0|expected string/);
      expect(k).toMatch(/[가-힣]/);
    }
  });

  it('names the choices of an enum by their labels', () => {
    const r = aggregate.params.safeParse({ groupBy: [], measures: [{ fn: 'total', column: 'a', as: 'b' }] });
    expect(r.success).toBe(false);
    const m = paramIssueMessage(aggregate.params, r.error!.issues[0]!, 'prep.aggregate');
    expect(ko(m)).toContain('‹집계 항목 1번째 › 집계 함수›: 다음 중 하나를 고르세요 — 개수, 고유 개수, 합계, 평균');
  });

  it('tells a required setting from a wrong one', () => {
    const r = filter.params.safeParse({ rules: [{ op: '=', value: 1 }] });
    expect(r.success).toBe(false);
    const texts = r.error!.issues.map((i) => ko(paramIssueMessage(filter.params, i, 'prep.filter')));
    expect(texts).toContain('‹조건 규칙 1번째 › 열›을 입력하세요');
  });
});

describe("nodes' own checks", () => {
  it('says the shared refinements in Korean', () => {
    const r = filter.params.safeParse({});
    expect(r.success).toBe(false);
    const texts = r.error!.issues.map((i) => ko(paramIssueMessage(filter.params, i, 'prep.filter')));
    expect(texts).toEqual(['조건식 또는 조건 규칙 중 하나만 설정하세요']);
  });

  it("names a chart's missing shelf by the chart type and the shelf's label", () => {
    const params = chartParams.parse({ mark: 'heatmap', x: 'importer' });
    let said: Message | undefined;
    try {
      chartPlan(params, [{ name: 'importer', type: 'VARCHAR' }]);
    } catch (e) {
      said = (e as ParamError).msg;
    }
    expect(ko(said)).toMatch(/^열지도 차트에는 ‹Y축[^›]*›에 열을 넣어야 합니다$/);
  });
});

describe('pipeline validation messages', () => {
  it('says an unconnected input in Korean, by the port name the card shows', () => {
    const r = validatePipeline(doc([{ id: 'f', type: 'prep.filter', params: { where: 'true' } }], []), registry);
    const issue = r.ok ? undefined : r.issues.find((i) => i.code === 'missing_input');
    expect(issue?.message).toBe('input "in" is not connected');
    expect(ko(issue?.msg)).toBe('‹입력›이 연결되지 않았습니다. 앞 단계의 출력을 이 노드로 연결하세요');
  });

  it('names an unknown node type and an unknown setting', () => {
    const r = validatePipeline(
      doc(
        [
          SRC,
          { id: 'x', type: 'prep.nope' },
          { id: 'f', type: 'prep.filter', params: { where: 'true', colour: 'red' } },
        ],
        [['src', 'f']],
      ),
      registry,
    );
    const byCode = Object.fromEntries((r.ok ? [] : r.issues).map((i) => [i.code, ko(i.msg)]));
    expect(byCode.unknown_type).toBe('알 수 없는 노드 종류입니다: "prep.nope" (이 버전의 스튜디오에 없는 노드)');
    expect(byCode.unknown_param).toBe('‹행 필터›에는 ‹colour› 설정이 없습니다');
  });
});

describe('the catalogue', () => {
  it('has Korean (with Hangul) and English for every code', () => {
    for (const [code, t] of Object.entries(CATALOGUE)) {
      // Pass-throughs of texts worded elsewhere: a node's own check after the setting's name; a request's fields.
      if (code !== 'param.invalid' && code !== 'http.invalid_fields') expect(t.ko, code).toMatch(/[가-힣]/);
      expect(t.en.length, code).toBeGreaterThan(0);
      // The same arguments in both languages (the English may drop Korean-only helpers).
      const args = (s: string) => new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
      for (const a of args(t.en)) {
        if (!['portName', 'type', 'path', 'nodeId', 'inclusive_en', 'end', 'markName', 'shelfName'].includes(a!))
          expect(args(t.ko), `${code} {${a}}`).toContain(a);
      }
    }
  });

  it('renders auth and run messages', () => {
    expect(ko({ code: 'auth.password_too_short', args: { min: 10 } })).toBe('새 비밀번호는 10자 이상이어야 합니다');
    expect(ko({ code: 'run.cancelled_before_start' })).toBe('시작하기 전에 취소되었습니다');
  });
});

describe('type names in words', () => {
  it('reads DuckDB types as an officer would', () => {
    expect(typeLabel('HUGEINT').ko).toBe('정수');
    expect(typeLabel('BIGINT').ko).toBe('정수');
    expect(typeLabel('DECIMAL(18,3)').ko).toBe('실수');
    expect(typeLabel('DOUBLE').ko).toBe('실수');
    expect(typeLabel('VARCHAR').ko).toBe('문자');
    expect(typeLabel('DATE').ko).toBe('날짜');
    expect(typeLabel('TIMESTAMP WITH TIME ZONE').ko).toBe('날짜·시각');
    expect(typeLabel('BOOLEAN').ko).toBe('참/거짓');
    expect(typeLabel('VARCHAR[]').ko).toBe('목록');
  });
});

describe("nodes' shared checks", () => {
  const thrown = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e as ParamError;
    }
    throw new Error('did not throw');
  };

  it('names a missing column with the closest names of the input', () => {
    const schema = [
      { name: 'tax_amount', type: 'BIGINT' },
      { name: 'hs_code', type: 'VARCHAR' },
    ];
    const e = thrown(() => requireColumn(schema, 'tax_amout', 'column'));
    expect(e.param).toBe('column');
    expect(ko(e.msg)).toBe('입력에 "tax_amout" 열이 없습니다. 비슷한 이름: "tax_amount"');
    expect(ko(thrown(() => requireColumn(schema, 'origin', 'column')).msg)).toBe('입력에 "origin" 열이 없습니다.');
  });

  it('says an unconnected input in Korean', () => {
    expect(ko(thrown(() => single({})).msg)).toBe('‹입력›이 연결되지 않았습니다');
  });
});
