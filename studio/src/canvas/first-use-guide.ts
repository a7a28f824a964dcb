import type { PipelineDoc } from '../../../runtime/document/pipeline-doc.ts';

/** The shipped sample the guide loads first. */
export const GUIDE_SAMPLE = 'declarations.csv';

/** The filter the guide's second step adds on the sample: declarations of ₩100M or more. */
export const GUIDE_FILTER = { rules: [{ column: 'declared_value_krw', op: '>=', value: 100_000_000 }] };

export interface GuideProgress {
  /** A source to start from, or undefined. */
  source?: string;
  /** The last step after a source (what "결과 보기" shows), or undefined. */
  step?: string;
}

/** How far the officer got: a source loaded, a step added after it. */
export function guideProgress(doc: PipelineDoc): GuideProgress {
  const source = doc.nodes.find((n) => n.type.startsWith('source.'));
  const fed = new Set(doc.edges.map((e) => e.target));
  const steps = doc.nodes.filter((n) => !n.type.startsWith('source.') && fed.has(n.id));
  const out: GuideProgress = {};
  if (source) out.source = source.id;
  const last = steps[steps.length - 1];
  if (last) out.step = last.id;
  return out;
}
