/**
 * The X-ray sample set the template and tests read: 24 generated images (not among the training images) and
 * their ground-truth boxes.
 *   npx tsx templates/generator/xray-samples.ts   → templates/data/xray/xray-001.png … xray-024.png, labels.csv
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encode } from 'fast-png';
import { XRAY_CLASS_NAMES } from '../../nodes/model/xray-detect.ts';
import { xrayImage } from './xray.ts';
import { XRAY_SAMPLE_START, XRAY_SEED } from './xray-train.ts';

const COUNT = 24;
const dir = path.join(import.meta.dirname, '../data/xray');
await mkdir(dir, { recursive: true });
const lines = ['image,class,class_ko,x1,y1,x2,y2'];
let bytes = 0;
for (let i = 0; i < COUNT; i++) {
  const img = xrayImage(XRAY_SEED, XRAY_SAMPLE_START + i);
  const name = `xray-${String(i + 1).padStart(3, '0')}.png`;
  const rgb = new Uint8Array(img.width * img.height * 3);
  for (let p = 0; p < img.width * img.height; p++) rgb.set(img.rgba.subarray(p * 4, p * 4 + 3), p * 3);
  const png = encode({ width: img.width, height: img.height, data: rgb, channels: 3 });
  bytes += png.length;
  await writeFile(path.join(dir, name), png);
  for (const b of img.boxes) lines.push([name, b.cls, XRAY_CLASS_NAMES[b.cls]!.ko, b.x1, b.y1, b.x2, b.y2].join(','));
}
await writeFile(path.join(dir, 'labels.csv'), `${lines.join('\n')}\n`);
console.log(`${COUNT} images (${(bytes / 1e6).toFixed(2)} MB), ${lines.length - 1} boxes in ${dir}`);
