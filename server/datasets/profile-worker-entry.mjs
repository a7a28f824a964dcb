// Worker threads start without tsx's loader hooks: load the TypeScript worker through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./profile-worker.ts', import.meta.url);
