/**
 * The report as PDF through headless Chromium's own print (`--print-to-pdf`): the HTML is written to a
 * private temporary folder and opened as a file, so the browser needs no session and reaches no server.
 * Chromium is a system package (`CHROMIUM_PATH`, default Debian's); without it the route answers 501.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const chromiumPath = (env: NodeJS.ProcessEnv = process.env) => env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const pdfAvailable = (env: NodeJS.ProcessEnv = process.env) => existsSync(chromiumPath(env));

export async function htmlToPdf(html: string, timeoutMs = 60_000): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cas-report-'));
  try {
    const input = path.join(dir, 'report.html');
    const output = path.join(dir, 'report.pdf');
    await writeFile(input, html);
    const args = [
      '--headless',
      '--no-sandbox', // servers run as a service user in a container; the page is our own static HTML
      '--disable-gpu',
      '--no-pdf-header-footer',
      `--user-data-dir=${path.join(dir, 'profile')}`,
      `--print-to-pdf=${output}`,
      pathToFileURL(input).href,
    ];
    await new Promise<void>((resolve, reject) => {
      execFile(chromiumPath(), args, { timeout: timeoutMs }, (error) => (error ? reject(error) : resolve()));
    });
    return await readFile(output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
