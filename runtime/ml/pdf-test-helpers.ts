/**
 * Tests only: minimal but well-formed PDFs written by hand (header, objects, xref table, trailer), one page per
 * entry, so the scan reader is checked against files shaped like a scanner's.
 */

export interface TestPage {
  /** A page that shows this image XObject (its dictionary entries and stream bytes), or only typed text. */
  image?: { dict: string; width: number; height: number; data: Uint8Array };
  content?: string;
  /** One more object the image refers to (a soft mask). */
  extra?: { num: number; dict: string; data: Uint8Array };
}

export function imagePage(
  dict: string,
  width: number,
  height: number,
  data: Uint8Array,
  extra?: TestPage['extra'],
): TestPage {
  return { image: { dict, width, height, data }, content: `q ${width} 0 0 ${height} 0 0 cm /Im0 Do Q`, extra };
}

/** `reversed` writes the objects last to first, as some writers do: the page tree, not the file, gives the order. */
export function buildPdf(pages: TestPage[], trailerExtra = '', reversed = false): Uint8Array {
  const enc = new TextEncoder();
  const objects: { num: number; parts: (string | Uint8Array)[] }[] = [];
  let next = 3;
  const pageNums: number[] = [];
  const streamObj = (num: number, dict: string, data: Uint8Array) =>
    objects.push({
      num,
      parts: [`${num} 0 obj\n<< ${dict} /Length ${data.length} >>\nstream\n`, data, '\nendstream\nendobj\n'],
    });
  for (const page of pages) {
    const pageNum = next++;
    const contentNum = next++;
    const imageNum = page.image ? next++ : undefined;
    pageNums.push(pageNum);
    const xobject = imageNum ? `/Resources << /XObject << /Im0 ${imageNum} 0 R >> >>` : '';
    objects.push({
      num: pageNum,
      parts: [
        `${pageNum} 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ${xobject} /Contents ${contentNum} 0 R >>\nendobj\n`,
      ],
    });
    streamObj(contentNum, '', enc.encode(page.content ?? ''));
    if (page.image && imageNum)
      streamObj(
        imageNum,
        `/Type /XObject /Subtype /Image /Width ${page.image.width} /Height ${page.image.height} ${page.image.dict}`,
        page.image.data,
      );
    if (page.extra) streamObj(page.extra.num, page.extra.dict, page.extra.data);
  }
  objects.unshift(
    { num: 1, parts: ['1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'] },
    {
      num: 2,
      parts: [
        `2 0 obj\n<< /Type /Pages /Kids [${pageNums.map((n) => `${n} 0 R`).join(' ')}] /Count ${pageNums.length} >>\nendobj\n`,
      ],
    },
  );
  const chunks: Uint8Array[] = [enc.encode('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  let offset = chunks[0]!.length;
  const offsets = new Map<number, number>();
  if (reversed) objects.reverse();
  for (const o of objects) {
    offsets.set(o.num, offset);
    for (const part of o.parts) {
      const b = typeof part === 'string' ? enc.encode(part) : part;
      chunks.push(b);
      offset += b.length;
    }
  }
  const size = Math.max(...offsets.keys()) + 1;
  let xref = `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let n = 1; n < size; n++) {
    const at = offsets.get(n);
    xref += at === undefined ? '0000000000 65535 f \n' : `${String(at).padStart(10, '0')} 00000 n \n`;
  }
  chunks.push(
    enc.encode(`${xref}trailer\n<< /Size ${size} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${offset}\n%%EOF\n`),
  );
  const out = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
