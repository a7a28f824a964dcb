import { createReadStream, createWriteStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|wasm)$/;
const MIN_BYTES = 1024;

/**
 * Writes `.gz` and `.br` beside every compressible build output, so the server sends DuckDB's 34 MB wasm as
 * ~8 MB without compressing it on every request (stack-notes pitfall 21). Brotli runs at a middle quality:
 * the top levels take a minute on the wasm for a few percent.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'studio-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle(error) {
      if (error) return;
      const files = await listFiles(outDir).catch(() => []);
      await Promise.all(
        files
          .filter((f) => COMPRESSIBLE.test(f))
          .map(async (file) => {
            if ((await stat(file)).size < MIN_BYTES) return;
            await pipeline(createReadStream(file), createGzip({ level: 9 }), createWriteStream(`${file}.gz`));
            const brotli = createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 7 } });
            await pipeline(createReadStream(file), brotli, createWriteStream(`${file}.br`));
          }),
      );
    },
  };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}
