/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
// `defineConfig` from vite itself (vitest only adds the `test` types): `npm start` builds the studio in a
// production install, where vitest (a devDependency) is absent.
import { defineConfig } from 'vite';
import { precompress } from './studio/build/precompress.ts';

const API = `http://127.0.0.1:${process.env.PORT ?? 8787}`;

export default defineConfig({
  root: 'studio',
  plugins: [react(), precompress()],
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5000 },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  // `npm run dev`: the studio from Vite, the API and the sample files from the server (`npm start`).
  server: { proxy: { '/api': API, '/samples': API } },
  test: {
    root: '.',
    include: ['{runtime,nodes,server,templates,studio}/**/*.test.ts', 'e2e/**/*.e2e.test.ts'],
    // DuckDB-WASM's node bundle crashes inside worker threads (stack-notes pitfall 8): keep forks.
    pool: 'forks',
    // Two files at a time even on two cores (vitest's default there is one): a browser test spends much of its
    // time waiting on chromium and the server, which run in their own processes. Every file keeps its own fork,
    // temp folders, ports and databases, and `ensureBuild` lets one of them build `dist/` while the rest wait.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
