import { type DatasetList, LibraryError } from './api.ts';

export type UploadedDataset = DatasetList['items'][number];

/**
 * Uploads a file as the raw request body (`POST /api/datasets`, name in `X-Filename`), reporting progress.
 * XMLHttpRequest because fetch has no upload progress.
 */
export function uploadDataset(
  file: File,
  csrf: string | undefined,
  onProgress: (fraction: number) => void,
): Promise<UploadedDataset> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/datasets?visibility=private');
    xhr.withCredentials = true;
    xhr.setRequestHeader('X-Filename', encodeURIComponent(file.name));
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: { code?: string; message?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {}
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as unknown as UploadedDataset);
      else
        reject(new LibraryError(xhr.status, body.code ?? `http_${xhr.status}`, body.message ?? xhr.statusText, body));
    };
    xhr.onerror = () => reject(new LibraryError(0, 'network', 'network error', undefined));
    xhr.send(file);
  });
}
