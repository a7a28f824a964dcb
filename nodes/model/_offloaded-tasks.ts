// Names of the model nodes' work that may run off the page (runtime/compute/offload.ts). A module of its own so the
// studio's host can name them without loading the models' code on the page.

/** HS code suggestion for a table of items (_hs-suggest.ts). */
export const HS_SUGGEST = 'model.hs_code.suggest';
/** Similar documents, edges, clusters or search over a table of documents (_doc-similarity-compute.ts). */
export const DOC_SIMILARITY = 'model.doc_similarity.compute';

export const OFFLOADED_TASKS: readonly string[] = [HS_SUGGEST, DOC_SIMILARITY];
