import { registry } from '../../../../nodes/index.ts';
import { createAnalyzer } from './create-analyzer.ts';
import type { Analyzer } from './types.ts';

/** The analyzer over every node type; imported dynamically so the registry is its own chunk. */
export function loadAnalyzer(): Analyzer {
  return createAnalyzer(registry);
}
