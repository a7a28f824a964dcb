import { DuckDBNodeEngine } from './duckdb-node.ts';
import { engineContract } from './engine.contract.ts';

engineContract('DuckDB native', () => DuckDBNodeEngine.create());
