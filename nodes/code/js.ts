import { z } from 'zod';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import { SandboxError } from '../../runtime/sandbox/types.ts';
import { OUT } from '../_shared/ports.ts';
import { toEngineColumns } from './infer-columns.ts';

const EXAMPLE = 'return inputs.input.filter(d => d.value > 100).derive({ krw: d => d.value * 1300 });';

const params = z
  .object({
    code: z
      .string()
      .min(1)
      .meta({
        widget: 'code-js',
        label: { ko: '자바스크립트 코드', en: 'JavaScript code' },
        help: {
          ko: `입력은 Arquero 표입니다: inputs.<앞 노드 id>, 첫 입력은 inputs.input. aq 는 Arquero API(aq.op, aq.escape …). 표(또는 행 객체 배열)를 return 하세요. 예: ${EXAMPLE}`,
          en: `Inputs are Arquero tables: inputs.<upstream node id>, the first also as inputs.input. aq is Arquero's API (aq.op, aq.escape, …). Return a table (or an array of row objects). Example: ${EXAMPLE}`,
        },
      }),
    timeLimit: z
      .number()
      .positive()
      .max(600)
      .default(30)
      .meta({ widget: 'number', label: { ko: '시간 제한(초)', en: 'Time limit (s)' } }),
  })
  .strict();

export const codeJs = defineNode({
  type: 'code.js',
  version: 1,
  kind: 'compute',
  category: 'code',
  label: { ko: '자바스크립트 분석', en: 'JavaScript' },
  description: {
    ko: '입력 표를 Arquero 로 다루는 자바스크립트를 격리된 작업자에서 실행합니다(네트워크·파일 접근 없음).',
    en: 'Runs JavaScript over the inputs as Arquero tables in an isolated worker (no network, no files).',
  },
  inputs: [{ name: 'in', label: { ko: '입력', en: 'Inputs' }, multiple: true, optional: true }],
  outputs: [OUT],
  params,
  outputSchema: () => null,
  run: async ({ engine, inputs, sources, params: p, sandbox, tableName, signal }) => {
    if (!sandbox)
      throw new ParamError('JavaScript cannot run here (no sandbox is configured)', 'code', msg('node.js_no_sandbox'));
    const relations = inputs.in ?? [];
    const names = sources?.in ?? [];
    const tables: Record<string, { columns: string[]; data: unknown[][] }> = {};
    for (const [i, relation] of relations.entries()) {
      const r = await engine.query(`SELECT * FROM ${relation}`, { signal });
      const columns = r.columns.map((c) => c.name);
      const name = (names[i] ?? `in${i}`).replace(':', '_');
      tables[name] = { columns, data: columns.map((c) => r.rows.map((row) => row[c] ?? null)) };
    }
    const first = names[0]?.replace(':', '_');
    if (first && !('input' in tables)) tables.input = tables[first]!;
    let out: { columns: string[]; data: unknown[][] };
    try {
      out = await sandbox.run({ code: p.code, inputs: tables, timeoutMs: p.timeLimit * 1000, signal });
    } catch (e) {
      if (e instanceof SandboxError && e.kind !== 'aborted')
        throw new ParamError(e.message, 'code', msg('node.js_failed', { detail: e.message }));
      throw e;
    }
    if (out.columns.length === 0)
      throw new ParamError('the code returned a table without columns', 'code', msg('node.js_no_columns'));
    const { columns, data } = toEngineColumns(out.columns, out.data);
    await engine.createTable(tableName, columns, data);
    return {};
  },
});
