/**
 * Synthetic customs world generator.
 *   npm run data -- [--rows N] [--seed S] [--out DIR] [--format csv|parquet] [--quiet]
 *   npm run data -- fx --decl FILE.csv …   (remittances derived from declarations: fx-main.ts)
 * Same seed and rows ⇒ byte-identical files. Tables and planted patterns: templates/data/README.md.
 */
import { parseOptions, UsageError } from './args.ts';
import { fxMain } from './fx-main.ts';
import { generate } from './generate.ts';

async function main(): Promise<void> {
  if (process.argv[2] === 'fx') return fxMain(process.argv.slice(3));
  const opts = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const log = opts.quiet ? () => {} : (msg: string) => console.error(`[data] ${msg}`);
  log(`rows=${opts.rows} seed=${opts.seed} format=${opts.format} out=${opts.out}`);
  const report = await generate(opts, log);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  for (const t of report) console.log(`${t.file}\t${t.rows} rows\t${(t.bytes / 1e6).toFixed(2)} MB`);
  const total = report.reduce((a, t) => a + t.bytes, 0);
  console.log(`total ${(total / 1e6).toFixed(2)} MB in ${seconds} s`);
}

main().catch((err: unknown) => {
  if (err instanceof UsageError && err.help) {
    console.log(err.message);
    process.exit(0);
  }
  if (
    err instanceof UsageError ||
    (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))
  ) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
