/** Small valid pipeline documents (source → SQL → output file) for the API tests. */
export function pipelineDoc(name = 'Test pipeline', options: { query?: string; path?: string } = {}) {
  return {
    format: 'customs-studio/pipeline',
    version: 1,
    name,
    description: `${name}: declarations filtered by SQL`,
    parameters: [{ name: 'min_value', type: 'number', default: 1000 }],
    nodes: [
      { id: 'src', type: 'source.file', params: { path: options.path ?? 'data/decl.csv', format: 'csv' } },
      { id: 'q', type: 'sql', params: { query: options.query ?? 'select * from src where value >= {{min_value}}' } },
      { id: 'out', type: 'output.file', params: { path: 'out/result.csv', format: 'csv' } },
    ],
    edges: [
      { source: 'src', target: 'q' },
      { source: 'q', target: 'out' },
    ],
  };
}
