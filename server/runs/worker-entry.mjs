// Run process entry (`worker-pool.ts` forks it with only a heap cap in its flags, none of the server's or a
// test runner's): loads the TypeScript entry through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker.ts', import.meta.url);
