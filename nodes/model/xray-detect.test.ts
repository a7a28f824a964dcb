import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import { ParamError } from '../../runtime/errors.ts';
import { renderMessage } from '../../runtime/messages/render.ts';
import { iou } from '../../runtime/ml/detection-decode.ts';
import { buildFeatureModel } from '../../runtime/ml/xray-detector-onnx.ts';
import { NodeFileAccess } from '../../runtime/sources/node-file-access.ts';
import { imagesTableOf } from './_xray-images-table.ts';
import { xrayDetect } from './xray-detect.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLES = 'templates/data/xray';
let engine: DuckDBNodeEngine;
let files: NodeFileAccess;
let dir: string;
let n = 0;

beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
  dir = await mkdtemp(path.join(tmpdir(), 'xray-test-'));
  files = new NodeFileAccess({ baseDir: ROOT, engine });
});
afterAll(async () => {
  await files.close();
  await engine.close();
  await rm(dir, { recursive: true, force: true });
});

async function detect(params: Record<string, unknown>) {
  if (xrayDetect.kind !== 'source') throw new Error('model.xray_detect reads files: a source');
  const tableName = `x${++n}`;
  const r = await xrayDetect.load({
    nodeId: 'scan',
    params: xrayDetect.params.parse(params),
    engine,
    files,
    tableName,
  });
  return { rows: (await engine.query(`SELECT * FROM ${r.relation}`)).rows, tableName };
}

async function koreanError(params: Record<string, unknown>): Promise<string> {
  try {
    await detect(params);
  } catch (e) {
    expect(e).toBeInstanceOf(ParamError);
    return renderMessage((e as ParamError).msg!, 'ko');
  }
  throw new Error('expected the node to refuse');
}

describe('model.xray_detect with the shipped detector', () => {
  // sample images whose planted items (labels.csv, written by the generator) the shipped model should find
  const cases = ['xray-001.png', 'xray-010.png', 'xray-020.png'];

  it('finds the planted items with their class, and raises the image alarm', async () => {
    const labels = (await readFile(path.join(ROOT, SAMPLES, 'labels.csv'), 'utf8'))
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','))
      .filter(([image]) => cases.includes(image!))
      .map(([image, cls, , x1, y1, x2, y2]) => ({ image, cls, x1: +x1!, y1: +y1!, x2: +x2!, y2: +y2! }));
    expect(labels.length).toBeGreaterThanOrEqual(3);
    const { rows, tableName } = await detect({ images: cases.map((c) => `${SAMPLES}/${c}`) });
    for (const t of labels) {
      const hit = rows.find(
        (r) => r.image === t.image && r.class === t.cls && iou(r as never, t) >= 0.5 && Number(r.score) >= 0.3,
      );
      expect(hit, `${t.cls} in ${t.image}`).toBeDefined();
      expect(hit!.image_alarm).toBe(true);
    }
    expect(rows.find((r) => r.class === 'knife')?.class_ko ?? '칼·도검류').toBe('칼·도검류');
    const thumbs = (await engine.query(`SELECT image, thumbnail FROM "${imagesTableOf(tableName)}"`)).rows;
    expect(thumbs.map((t) => t.image)).toEqual(cases);
    expect(String(thumbs[0]!.thumbnail)).toMatch(/^data:image\/png;base64,/);
  });

  it('an image with nothing above the threshold gets one row, no alarm', async () => {
    const { rows } = await detect({ images: [`${SAMPLES}/xray-001.png`], minScore: 1 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ class: null, image_alarm: false, image_boxes: 0 });
  });
});

describe('model.xray_detect on bad input', () => {
  it('a damaged image is named in Korean', async () => {
    const png = await readFile(path.join(ROOT, SAMPLES, 'xray-001.png'));
    const bad = path.join(dir, 'broken.png');
    await writeFile(bad, png.subarray(0, 200));
    expect(await koreanError({ images: [bad] })).toMatch(/"broken\.png".*읽을 수 없습니다/);
  });

  it('a 100-megapixel image is refused from its header', async () => {
    const png = Buffer.from(await readFile(path.join(ROOT, SAMPLES, 'xray-001.png')));
    png.writeUInt32BE(10_000, 16);
    png.writeUInt32BE(10_000, 20);
    const big = path.join(dir, 'huge.png');
    await writeFile(big, png);
    expect(await koreanError({ images: [big] })).toMatch(/"huge\.png".*100백만 화소/);
  });

  it('a model whose input or output does not fit is named, with what to check', async () => {
    // the detector's fixed feature layers alone: a 128×128 input, but 90 output channels where 6 are expected
    const model = path.join(dir, 'features.onnx');
    await writeFile(model, buildFeatureModel());
    const custom = { images: [`${SAMPLES}/xray-001.png`], model: 'custom', modelPath: model, classes: ['knife'] };
    expect(await koreanError(custom)).toMatch(/탐지 모델 "features\.onnx".*맞지 않습니다.*입력 크기/);
    expect(await koreanError({ ...custom, inputSize: 64 })).toMatch(/탐지 모델 "features\.onnx".*맞지 않습니다/);
  });

  it('no images: says where to name them', async () => {
    expect(await koreanError({})).toMatch(/X-ray 영상 파일/);
  });

  it('passes every image and model path to the runner for its data-folder check', () => {
    if (xrayDetect.kind !== 'source') throw new Error('source');
    const seen: string[] = [];
    const p = xrayDetect.params.parse({
      images: ['a.png', '../b.png'],
      model: 'custom',
      modelPath: 'm.onnx',
      classes: ['x'],
    });
    const out = xrayDetect.resolvePaths!(p, (s) => {
      seen.push(s);
      return `/data/${s}`;
    });
    expect(seen).toEqual(['a.png', '../b.png', 'm.onnx']);
    expect(out.images).toEqual(['/data/a.png', '/data/../b.png']);
    expect(xrayDetect.datasetRefs!({ ...p, imageDatasets: ['d1'], modelDataset: 'd2' })).toEqual(['d1', 'd2']);
  });
});
