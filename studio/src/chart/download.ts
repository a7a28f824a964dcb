/** Saves bytes (or a data/blob URL) as a file through a temporary link: the browser's own download. */
export function download(data: Uint8Array | string, fileName: string, mime = 'application/octet-stream'): void {
  const url = typeof data === 'string' ? data : URL.createObjectURL(new Blob([data as BlobPart], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  if (typeof data !== 'string') setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name from a node label: keeps Korean, drops what file systems refuse. */
export const fileBase = (label: string) => label.replace(/[\\/:*?"<>|]+/g, '_').trim() || 'result';
