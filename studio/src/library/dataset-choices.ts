import { type ImageFormat, isImageFormat, type Sample } from '../sources/samples.ts';
import type { DatasetList } from './api.ts';

type ServerDataset = DatasetList['items'][number];

/** One row of the dataset picker: a shipped sample (예제) or a server dataset the officer may read. */
export interface DatasetChoice {
  /** The server dataset id; absent for a sample on a server without dataset ids (read by path). */
  datasetId?: string;
  samplePath?: string;
  name: string;
  size: number;
  rows?: number | null;
  owner?: string;
  updatedAt?: string;
  /** zip, png, jpeg and pdf (a scan, one image per page): images for the image nodes. */
  format: 'csv' | 'parquet' | 'json' | 'xlsx' | ImageFormat;
  sample: boolean;
}

const formatOfName = (name: string): DatasetChoice['format'] => {
  const ext = name.toLowerCase().split('.').pop();
  if (ext === 'zip' || ext === 'png' || ext === 'pdf') return ext;
  if (ext === 'jpg' || ext === 'jpeg') return 'jpeg';
  return ext === 'parquet' || ext === 'pq' ? 'parquet' : ext === 'xlsx' ? 'xlsx' : ext === 'json' ? 'json' : 'csv';
};

/**
 * The picker's list: samples first (marked 예제), then the server datasets that are not samples, of the kind the
 * node reads (tables, or images), filtered by a case-insensitive search on the name. A sample listed by the server too appears once, as a sample.
 */
export function datasetChoices(
  samples: readonly Sample[],
  server: readonly ServerDataset[],
  query: string,
  /** `images` for the image node (pictures, ZIPs of them, scanned PDFs), `tables` for the file node. */
  kind: 'tables' | 'images' = 'tables',
): DatasetChoice[] {
  const sampleIds = new Set(samples.flatMap((s) => (s.datasetId ? [s.datasetId] : [])));
  const listed = new Map(server.map((d) => [d.id, d]));
  const fromSamples: DatasetChoice[] = samples.map((s) => {
    const onServer = s.datasetId ? listed.get(s.datasetId) : undefined;
    return {
      ...(s.datasetId ? { datasetId: s.datasetId } : { samplePath: `templates/data/${s.name}` }),
      name: s.name,
      size: s.size,
      ...(s.rows === undefined ? {} : { rows: s.rows }),
      ...(onServer ? { owner: onServer.owner.displayName, updatedAt: onServer.updatedAt } : {}),
      format: s.format ?? formatOfName(s.name),
      sample: true,
    };
  });
  const fromServer: DatasetChoice[] = server
    .filter((d) => !sampleIds.has(d.id))
    .map((d) => ({
      datasetId: d.id,
      name: d.name,
      size: d.size,
      rows: d.rows,
      owner: d.owner.displayName,
      updatedAt: d.updatedAt,
      format: d.format as DatasetChoice['format'],
      sample: false,
    }));
  const q = query.trim().toLowerCase();
  return [...fromSamples, ...fromServer].filter(
    (c) => isImageFormat(c.format) === (kind === 'images') && (q === '' || c.name.toLowerCase().includes(q)),
  );
}
