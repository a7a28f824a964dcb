import { createWasmEngineForNode } from './duckdb-wasm-node.ts';
import { engineContract } from './engine.contract.ts';

engineContract('DuckDB-WASM', createWasmEngineForNode);
