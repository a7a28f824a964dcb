import { describe, expect, it } from 'vitest';
import { createNodeSandbox } from './node-sandbox.ts';
import { SandboxError } from './types.ts';

const sandbox = createNodeSandbox();
const decl = {
  columns: ['id', 'hs', 'value'],
  data: [
    [1, 2, 3, 4],
    ['8471', '8517', '8471', '0901'],
    [100, 50, 300, 20],
  ],
};
const rates = {
  columns: ['hs', 'rate'],
  data: [
    ['8471', '8517'],
    [0.08, 0.05],
  ],
};

async function failure(code: string, timeoutMs = 5000): Promise<SandboxError> {
  try {
    await sandbox.run({ code, inputs: { decl }, timeoutMs });
  } catch (e) {
    expect(e).toBeInstanceOf(SandboxError);
    return e as SandboxError;
  }
  throw new Error('expected a failure');
}

describe('node JS sandbox', () => {
  it('transforms two inputs with Arquero', async () => {
    const out = await sandbox.run({
      code: [
        'const big = inputs.decl.filter(d => d.value >= 50);',
        'return big.join(inputs.rates, "hs").derive({ duty: d => d.value * d.rate }).select("id", "duty").orderby("id");',
      ].join('\n'),
      inputs: { decl, rates },
      timeoutMs: 5000,
    });
    // ids 1 (100 × 0.08), 2 (50 × 0.05), 3 (300 × 0.08); id 4 is below 50
    expect(out).toEqual({
      columns: ['id', 'duty'],
      data: [
        [1, 2, 3],
        [8, 2.5, 24],
      ],
    });
  });

  it('accepts an array of rows and names the first input `input`', async () => {
    const out = await sandbox.run({
      code: 'return inputs.input.objects().slice(0, 2).map(r => ({ hs: r.hs, big: r.value > 60 }));',
      inputs: { decl },
      timeoutMs: 5000,
    });
    expect(out).toEqual({
      columns: ['hs', 'big'],
      data: [
        ['8471', '8517'],
        [true, false],
      ],
    });
  });

  it('refuses the network, the file system and the process', async () => {
    expect((await failure("return fetch('http://127.0.0.1')")).message).toMatch(/fetch is not defined/);
    expect((await failure("return require('fs')")).message).toMatch(/require is not defined/);
    expect((await failure('process.exit(1)')).message).toMatch(/process is not defined/);
    expect((await failure("return import('node:fs')")).message).toMatch(/import|not a table|Promise/i);
    const breakout = await failure("return aq.table.constructor.constructor('return process')()");
    expect(breakout.message).toMatch(/constructor/);
    expect(breakout.kind).toBe('runtime');
    expect((await failure("return eval('1')")).message).toMatch(/code generation|EvalError/i);
  });

  it('stops an infinite loop at the time limit', async () => {
    const started = Date.now();
    const e = await failure('while (true) {}', 500);
    expect(e.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('reports syntax and runtime errors with the user line', async () => {
    const syntax = await failure('const a = 1;\nconst b = ;\nreturn a;');
    expect(syntax).toMatchObject({ kind: 'syntax', line: 2 });
    const runtime = await failure('const t = inputs.decl;\n\nreturn t.nothing();');
    expect(runtime).toMatchObject({ kind: 'runtime', line: 3 });
    expect(runtime.message).toMatch(/nothing/);
  });

  it('stops on abort', async () => {
    const controller = new AbortController();
    const p = sandbox.run({ code: 'while (true) {}', inputs: {}, timeoutMs: 60_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    await expect(p).rejects.toMatchObject({ kind: 'aborted' });
  });
});
