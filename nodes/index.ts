import type { NodeDefinition } from '../runtime/nodes/define-node.ts';
import { createRegistry } from '../runtime/nodes/registry.ts';
import { chartVega } from './chart/chart.ts';
import { codeJs } from './code/js.ts';
import { linkAnalysis } from './graph/link-analysis.ts';
import { linkEdges } from './graph/link-edges.ts';
import { coRecognize } from './model/co-recognize.ts';
import { dataMap } from './model/data-map.ts';
import { docSimilarity } from './model/doc-similarity.ts';
import { evaluate } from './model/evaluate.ts';
import { exportSupport } from './model/export-support.ts';
import { hsCode } from './model/hs-code.ts';
import { portCalls } from './model/port-calls.ts';
import { priceBand } from './model/price-band.ts';
import { qaAnswer } from './model/qa-answer.ts';
import { requirementRisk } from './model/requirement-risk.ts';
import { riskClustering } from './model/risk-clustering.ts';
import { riskScreening } from './model/risk-screening.ts';
import { scoreModel } from './model/score.ts';
import { supplyChainFlows } from './model/supply-chain-flows.ts';
import { taxRisk } from './model/tax-risk.ts';
import { tradeFinance } from './model/trade-finance.ts';
import { trendDetect } from './model/trend-detect.ts';
import { xrayDetect } from './model/xray-detect.ts';
import { xrayEvaluate } from './model/xray-evaluate.ts';
import { outputFile } from './output/file.ts';
import { aggregate } from './prep/aggregate.ts';
import { bin } from './prep/bin.ts';
import { cast } from './prep/cast.ts';
import { clusterEdit } from './prep/cluster-edit.ts';
import { dateParts } from './prep/date-parts.ts';
import { dedupe } from './prep/dedupe.ts';
import { derive } from './prep/derive.ts';
import { extract } from './prep/extract.ts';
import { fill } from './prep/fill.ts';
import { filter } from './prep/filter.ts';
import { findReplace } from './prep/find-replace.ts';
import { fuzzyJoin } from './prep/fuzzy-join.ts';
import { inferTypes } from './prep/infer-types.ts';
import { join } from './prep/join.ts';
import { mergeColumns } from './prep/merge-columns.ts';
import { parseDate } from './prep/parse-date.ts';
import { pivot } from './prep/pivot.ts';
import { sample } from './prep/sample.ts';
import { scale } from './prep/scale.ts';
import { selectColumns } from './prep/select.ts';
import { sort } from './prep/sort.ts';
import { splitColumn } from './prep/split-column.ts';
import { textNormalize } from './prep/text-normalize.ts';
import { topN } from './prep/top-n.ts';
import { union } from './prep/union.ts';
import { unpivot } from './prep/unpivot.ts';
import { validate } from './prep/validate.ts';
import { valueMap } from './prep/value-map.ts';
import { windowCalc } from './prep/window.ts';
import { sourceFile } from './source/file.ts';
import { sourceImageFiles } from './source/image-files.ts';
import { sql } from './sql/sql.ts';

/** Every node type, one line each. The studio's palette, the server and the command line read this list. */
export const nodeDefinitions = [
  sourceFile,
  sourceImageFiles,
  selectColumns,
  filter,
  derive,
  cast,
  aggregate,
  join,
  fuzzyJoin,
  clusterEdit,
  union,
  sort,
  dedupe,
  fill,
  bin,
  scale,
  pivot,
  unpivot,
  windowCalc,
  sample,
  topN,
  inferTypes,
  validate,
  splitColumn,
  mergeColumns,
  findReplace,
  textNormalize,
  extract,
  parseDate,
  dateParts,
  valueMap,
  sql,
  codeJs,
  chartVega,
  evaluate,
  priceBand,
  requirementRisk,
  taxRisk,
  tradeFinance,
  exportSupport,
  riskScreening,
  riskClustering,
  scoreModel,
  trendDetect,
  docSimilarity,
  qaAnswer,
  hsCode,
  portCalls,
  coRecognize,
  xrayDetect,
  xrayEvaluate,
  dataMap,
  supplyChainFlows,
  linkAnalysis,
  linkEdges,
  outputFile,
] as NodeDefinition[];

export const registry = createRegistry(nodeDefinitions);
