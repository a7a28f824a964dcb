// Run processes are forked with `--import tsx` (see worker-pool.ts); this entry keeps working when
// that flag is missing, by loading the TypeScript entry through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker.ts', import.meta.url);
