/** Command-line options of `npm run data -- [--rows N] [--seed S] [--out DIR] [--format csv|parquet]`. */
import { parseArgs } from 'node:util';

export interface Options {
  rows: number;
  seed: number;
  out: string;
  format: 'csv' | 'parquet';
  quiet: boolean;
}

export const USAGE =
  'usage: npm run data -- [--rows N (default 20000)] [--seed S (default 42)] [--out DIR (default templates/data/generated)] [--format csv|parquet] [--quiet]';

export function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string', default: '20000' },
      seed: { type: 'string', default: '42' },
      out: { type: 'string', default: 'templates/data/generated' },
      format: { type: 'string', default: 'csv' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) throw new UsageError(USAGE, true);
  const rows = Number(values.rows.replaceAll('_', ''));
  const seed = Number(values.seed);
  if (!Number.isInteger(rows) || rows < 100 || rows > 50_000_000)
    throw new UsageError('--rows must be an integer in 100..50000000');
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new UsageError('--seed must be an integer in 0..4294967295');
  if (values.format !== 'csv' && values.format !== 'parquet') throw new UsageError('--format must be csv or parquet');
  return { rows, seed, out: values.out, format: values.format, quiet: values.quiet };
}

export class UsageError extends Error {
  constructor(
    message: string,
    readonly help = false,
  ) {
    super(message);
  }
}
