/**
 * The shipped sample files as the server lists them at `/samples/`: each is also a public server dataset
 * (`datasetId`), so a pipeline built on a sample names the same data in the browser and on the server.
 * An older server lists only `{ name, size }`; then samples are read by path as before.
 */
export interface Sample {
  /** `declarations.csv` or `kcs/df_syn_train_eng.csv`, served at `/samples/<name>`. */
  name: string;
  size: number;
  /** null until the server has registered the sample. */
  datasetId?: string | null;
  rows?: number | null;
  /** zip, png, jpeg and pdf (a scan, one image per page) are images for the image nodes, not tables. */
  format?: 'csv' | 'parquet' | 'json' | 'xlsx' | ImageFormat;
}

export type ImageFormat = 'zip' | 'png' | 'jpeg' | 'pdf';
export const isImageFormat = (f: string | undefined): f is ImageFormat =>
  f === 'zip' || f === 'png' || f === 'jpeg' || f === 'pdf';

/**
 * An image, a ZIP of images or a scanned PDF (certificates, X-ray images): read by `source.image_files`, one row
 * per image or page, not as a table.
 */
export const isImageSample = (s: Sample): boolean =>
  isImageFormat(s.format) || /\.(?:zip|png|jpe?g|pdf)$/i.test(s.name);

let pending: Promise<Sample[]> | undefined;

/** The sample listing, fetched once per page (a failed fetch is retried on the next call). */
export function loadSamples(url = '/samples/'): Promise<Sample[]> {
  if (!pending) {
    pending = fetch(url)
      .then((r) => (r.ok ? (r.json() as Promise<Sample[]>) : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((list) => (Array.isArray(list) ? list : []));
    pending.catch(() => {
      pending = undefined;
    });
  }
  return pending;
}

/** The URL of a sample's bytes: each path segment encoded, the `/` between them kept. */
export function sampleUrl(name: string, base = '/samples/'): string {
  return base + name.split('/').map(encodeURIComponent).join('/');
}

/** The sample a server dataset id belongs to, if it is one. */
export function sampleOfDataset(samples: readonly Sample[], id: string): Sample | undefined {
  return samples.find((s) => s.datasetId === id);
}
