import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: 'studio',
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5000 },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  test: {
    root: '.',
    include: ['{runtime,nodes,server,templates,studio}/**/*.test.ts'],
    // DuckDB-WASM's node bundle crashes inside worker threads (stack-notes pitfall 8): keep forks.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
