import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export const USAGE = `usage:
  npm run studio -- run PIPELINE.json [--param name=value]... [--input NODE_ID=FILE]... [--out NODE_ID=FILE.csv|.parquet|.json]... [--json]
  npm run studio -- validate PIPELINE.json [--param name=value]... [--json]

exit codes: 0 success · 1 a node failed · 2 usage or validation error`;

export interface CliArgs {
  command: 'run' | 'validate';
  pipeline: string;
  params: Record<string, string>;
  inputs: Record<string, string>;
  outs: Record<string, string>;
  json: boolean;
}

function pairs(list: string[] | undefined, flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list ?? []) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--${flag} takes NAME=VALUE, got "${item}"`);
    const name = item.slice(0, eq);
    if (name in out) throw new UsageError(`--${flag} ${name} is given twice`);
    out[name] = item.slice(eq + 1);
  }
  return out;
}

export function parseCli(argv: string[]): CliArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const [command, pipeline, ...rest] = parsed.positionals;
  if (command !== 'run' && command !== 'validate') throw new UsageError(`unknown command "${command ?? ''}"`);
  if (!pipeline) throw new UsageError('give the pipeline file');
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (command === 'validate' && (parsed.values.input?.length || parsed.values.out?.length)) {
    throw new UsageError('--input and --out belong to "run"');
  }
  return {
    command,
    pipeline,
    params: pairs(parsed.values.param, 'param'),
    inputs: pairs(parsed.values.input, 'input'),
    outs: pairs(parsed.values.out, 'out'),
    json: parsed.values.json ?? false,
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      param: { type: 'string', multiple: true },
      input: { type: 'string', multiple: true },
      out: { type: 'string', multiple: true },
      json: { type: 'boolean' },
    },
  });
}

/** The file format a path's extension names, for --input and --out. */
export function formatOf(file: string): 'csv' | 'parquet' | 'json' | 'xlsx' | undefined {
  const ext = file.toLowerCase().split('.').pop();
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  if (ext === 'parquet') return 'parquet';
  if (ext === 'json' || ext === 'jsonl' || ext === 'ndjson') return 'json';
  if (ext === 'xlsx') return 'xlsx';
  return undefined;
}
