// Worker threads do not inherit tsx's loader: load the TypeScript entry through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker.ts', import.meta.url);
