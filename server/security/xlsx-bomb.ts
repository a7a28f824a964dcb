/**
 * Crafted XLSX files for the upload attack tests, written as zips by hand so that the packed parts and the
 * declared sizes are exactly what an attacker would choose.
 */
import { deflateRawSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface Part {
  name: string;
  data: Buffer;
  /** Size written into the headers instead of the true one (a lying header). */
  declaredSize?: number;
}

/** A zip of deflated parts. */
export function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const packed = deflateRawSync(part.data, { level: 9 });
    const crc = crc32(part.data);
    const size = part.declaredSize ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(packed.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    central.push(header, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`);
const NS = 'http://schemas.openxmlformats.org';

/** A one-sheet workbook whose parts are `sheetXml` and `sharedStrings` (raw XML bodies). */
export function workbook(sheetRows: string, sharedStrings: Buffer, declaredStrings?: number): Buffer {
  return zip([
    {
      name: '[Content_Types].xml',
      data: xml(
        `<Types xmlns="${NS}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      data: xml(
        `<Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: xml(
        `<workbook xmlns="${NS}/spreadsheetml/2006/main" xmlns:r="${NS}/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        `<Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${NS}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: xml(`<worksheet xmlns="${NS}/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`),
    },
    { name: 'xl/sharedStrings.xml', data: sharedStrings, declaredSize: declaredStrings },
  ]);
}

/** The reported attack: a ~100 KB file whose shared strings unpack to `megabytes` MB, used by many cells. */
export function sharedStringBomb(megabytes = 200, cells = 2_000): Buffer {
  const one = 'A'.repeat(1024 * 1024);
  const strings = Buffer.from(
    `<sst xmlns="${NS}/spreadsheetml/2006/main" count="${megabytes}" uniqueCount="${megabytes}">${Array.from(
      { length: megabytes },
      (_, i) => `<si><t>${i}${one}</t></si>`,
    ).join('')}</sst>`,
  );
  let rows = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>';
  for (let r = 2; r <= cells; r++) rows += `<row r="${r}"><c r="A${r}" t="s"><v>${r % megabytes}</v></c></row>`;
  return workbook(rows, strings);
}

/** A small honest workbook (header + two rows) built the same way, to show the reader still works. */
export function smallWorkbook(): Buffer {
  const strings = Buffer.from(
    `<sst xmlns="${NS}/spreadsheetml/2006/main" count="3" uniqueCount="3"><si><t>품목</t></si><si><t>사과</t></si><si><t>배</t></si></sst>`,
  );
  const rows =
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>qty</t></is></c></row>' +
    '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>3</v></c></row>' +
    '<row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3"><v>5</v></c></row>';
  return workbook(rows, strings);
}
