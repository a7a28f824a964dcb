import { z } from 'zod';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { ssdPriors } from '../../runtime/ml/detection-decode.ts';
import {
  type Detector,
  type DetectorConfig,
  DetectorShapeError,
  openDetector,
} from '../../runtime/ml/detector-session.ts';
import { decodeImage, ImageDecodeError, thumbnailDataUrl } from '../../runtime/ml/image-decode.ts';
import { XRAY_ANCHOR, XRAY_INPUT } from '../../runtime/ml/xray-detector-onnx.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { FileAccess, FileRef } from '../../runtime/sources/file-access.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { OUT } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';
import { imagesTableOf } from './_xray-images-table.ts';

/** The shipped detector's classes, in the order of its output channels, with the officer's words for them. */
export const XRAY_CLASS_NAMES: Record<string, { ko: string; en: string }> = {
  knife: { ko: '칼·도검류', en: 'Knife' },
  gun: { ko: '총기류', en: 'Gun' },
  drugs: { ko: '마약 의심 포장물', en: 'Drug package' },
  cigarettes: { ko: '담배', en: 'Cigarettes' },
  battery: { ko: '배터리', en: 'Battery' },
};
const SHIPPED_CLASSES = Object.keys(XRAY_CLASS_NAMES);

/** Larger images are refused before decoding (a 100-megapixel scan would need 400 MB of pixels). */
export const XRAY_MAX_MEGAPIXELS = 40;
/** Side of the thumbnails kept for the result view. */
const THUMB = 256;

const custom = { model: ['custom'] };
const paths = (ko: string, en: string, hko: string, hen: string) =>
  z
    .array(z.string().min(1))
    .max(500)
    .optional()
    .meta({ label: { ko, en }, help: { ko: hko, en: hen }, widget: 'json' });

const params = z
  .object({
    images: paths(
      'X-ray 영상 파일 (PNG·JPEG)',
      'X-ray image files (PNG, JPEG)',
      '읽을 영상 경로 목록, 예: ["templates/data/xray/xray-001.png"]. 상대 경로는 파이프라인 폴더 기준입니다.',
      'Paths of the images to read, e.g. ["templates/data/xray/xray-001.png"]; relative paths start at the pipeline folder.',
    ),
    imageDatasets: z
      .array(z.string().min(1))
      .max(500)
      .optional()
      .meta({
        label: { ko: '영상 데이터셋', en: 'Image datasets' },
        help: { ko: '서버에 올린 영상 데이터셋의 id 목록.', en: 'Ids of image datasets uploaded to the server.' },
        widget: 'json',
      }),
    minScore: z
      .number()
      .min(0)
      .max(1)
      .default(0.3)
      .meta({
        label: { ko: '최소 신뢰도', en: 'Minimum score' },
        help: {
          ko: '이 점수(0~1) 이상인 상자만 냅니다. 품목별 기준이 있으면 그것을 씁니다.',
          en: 'Keep boxes scoring at least this (0–1); a class threshold below overrides it.',
        },
        widget: 'number',
      }),
    classThresholds: z
      .record(z.string(), z.number().min(0).max(1))
      .optional()
      .meta({
        label: { ko: '품목별 최소 신뢰도', en: 'Minimum score per class' },
        help: {
          ko: '예: {"knife": 0.2, "gun": 0.2, "cigarettes": 0.5}. 품목: knife(칼), gun(총기), drugs(마약), cigarettes(담배), battery(배터리).',
          en: 'E.g. {"knife": 0.2, "gun": 0.2, "cigarettes": 0.5}. Classes: knife, gun, drugs, cigarettes, battery.',
        },
        widget: 'json',
      }),
    iou: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.45)
      .meta({
        label: { ko: '겹침 제거 기준 (IoU)', en: 'Overlap removal (IoU)' },
        help: {
          ko: '같은 품목의 상자가 이만큼 넘게 겹치면 점수가 높은 것만 남깁니다(NMS).',
          en: 'Boxes of one class overlapping more than this keep only the best (non-maximum suppression).',
        },
        widget: 'number',
      }),
    model: z
      .enum(['shipped', 'custom'])
      .default('shipped')
      .meta({
        label: { ko: '탐지 모델', en: 'Detector' },
        widget: 'select',
        options: {
          shipped: { ko: '기본 모델 (생성 영상으로 학습)', en: 'Shipped (trained on generated images)' },
          custom: { ko: '직접 지정한 ONNX 모델', en: 'An ONNX model of your own' },
        },
      }),
    modelPath: z
      .string()
      .min(1)
      .optional()
      .meta({ label: { ko: 'ONNX 모델 파일', en: 'ONNX model file' }, widget: 'file', showIf: custom }),
    modelDataset: z
      .string()
      .min(1)
      .optional()
      .meta({ label: { ko: 'ONNX 모델 데이터셋', en: 'ONNX model dataset' }, widget: 'dataset', showIf: custom }),
    head: z
      .enum(['yolo_grid', 'yolo_flat', 'ssd'])
      .default('yolo_grid')
      .meta({
        label: { ko: '출력 형식', en: 'Output kind' },
        widget: 'select',
        showIf: custom,
        options: {
          yolo_grid: { ko: 'YOLO 격자 (v2·v3)', en: 'YOLO grid (v2, v3)' },
          yolo_flat: { ko: 'YOLO 목록 (v5·v7)', en: 'YOLO list (v5, v7)' },
          ssd: { ko: 'SSD (상자 + 점수)', en: 'SSD (boxes + scores)' },
        },
      }),
    classes: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .meta({
        label: { ko: '클래스 이름 (출력 순서대로)', en: 'Class names (in output order)' },
        widget: 'json',
        showIf: custom,
      }),
    inputSize: z
      .number()
      .int()
      .min(16)
      .max(2048)
      .default(XRAY_INPUT)
      .meta({ label: { ko: '입력 크기 (픽셀)', en: 'Input size (pixels)' }, widget: 'number', showIf: custom }),
    pixelScale: z
      .enum(['0-1', '0-255'])
      .default('0-1')
      .meta({
        label: { ko: '픽셀 값 범위', en: 'Pixel value range' },
        widget: 'select',
        showIf: custom,
        options: {
          '0-1': { ko: '0~1 (255로 나눔)', en: '0–1 (divided by 255)' },
          '0-255': { ko: '0~255 (그대로)', en: '0–255 (as is)' },
        },
      }),
    anchors: z
      .array(z.tuple([z.number().gt(0), z.number().gt(0)]))
      .min(1)
      .default([[XRAY_ANCHOR, XRAY_ANCHOR]])
      .meta({
        label: { ko: 'YOLO 앵커 [너비, 높이] (입력 픽셀)', en: 'YOLO anchors [width, height] (input pixels)' },
        widget: 'json',
        showIf: { head: ['yolo_grid'] },
      }),
    ssdFeatureMaps: z
      .array(z.number().int().min(1))
      .min(1)
      .default([19, 10, 5, 3, 2, 1])
      .meta({
        label: { ko: 'SSD 특징 맵 크기', en: 'SSD feature map sizes' },
        widget: 'json',
        showIf: { head: ['ssd'] },
      }),
    ssdScales: z
      .tuple([z.number().gt(0), z.number().gt(0)])
      .default([0.2, 0.95])
      .meta({
        label: { ko: 'SSD 최소·최대 배율', en: 'SSD min and max scale' },
        widget: 'json',
        showIf: { head: ['ssd'] },
      }),
    ssdAspectRatios: z
      .array(z.number().gt(0))
      .min(1)
      .default([1, 2, 0.5])
      .meta({ label: { ko: 'SSD 가로세로 비', en: 'SSD aspect ratios' }, widget: 'json', showIf: { head: ['ssd'] } }),
    ssdVariances: z
      .tuple([z.number().gt(0), z.number().gt(0)])
      .default([0.1, 0.2])
      .meta({ label: { ko: 'SSD 분산', en: 'SSD variances' }, widget: 'json', showIf: { head: ['ssd'] } }),
    ssdLogits: z
      .boolean()
      .default(true)
      .meta({
        label: { ko: 'SSD 점수가 로짓 (softmax 적용)', en: 'SSD scores are logits (apply softmax)' },
        widget: 'boolean',
        showIf: { head: ['ssd'] },
      }),
  })
  .strict();

type Params = z.infer<typeof params>;

const COLUMNS = [
  ['image', 'VARCHAR'],
  ['box_no', 'INTEGER'],
  ['class', 'VARCHAR'],
  ['class_ko', 'VARCHAR'],
  ['score', 'DOUBLE'],
  ['x1', 'DOUBLE'],
  ['y1', 'DOUBLE'],
  ['x2', 'DOUBLE'],
  ['y2', 'DOUBLE'],
  ['image_width', 'INTEGER'],
  ['image_height', 'INTEGER'],
  ['image_alarm', 'BOOLEAN'],
  ['image_boxes', 'INTEGER'],
] as const;

function imageRefs(p: Params): FileRef[] {
  return [
    ...(p.images ?? []).map((path) => ({ path })),
    ...(p.imageDatasets ?? []).map((datasetId) => ({ datasetId })),
  ];
}

function modelRef(p: Params): FileRef | undefined {
  if (p.model !== 'custom') return undefined;
  if (p.modelPath) return { path: p.modelPath };
  if (p.modelDataset) return { datasetId: p.modelDataset };
  throw new ParamError(
    'choose the ONNX model file',
    'modelPath',
    msg('node.xray_classes_needed', { field: setting(params, 'modelPath') }),
  );
}

const display = (ref: FileRef) => (ref.path ? (ref.path.split(/[\\/]/).pop() ?? ref.path) : `dataset ${ref.datasetId}`);

function base64Bytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The shipped detector's session, opened once per process (onnxruntime compiles its graph on opening). */
let shipped: Promise<Detector> | undefined;

async function openShipped(): Promise<Detector> {
  // loaded on first use, so the studio's first screen does not carry the model's bytes
  const { XRAY_DETECTOR_ONNX_BASE64 } = await import('./_xray-data/detector-model.ts');
  return openDetector(base64Bytes(XRAY_DETECTOR_ONNX_BASE64), {
    classes: SHIPPED_CLASSES.length,
    inputSize: XRAY_INPUT,
    head: { kind: 'yolo_grid', anchors: [[XRAY_ANCHOR, XRAY_ANCHOR]] },
    scale: 1,
  });
}

async function detectorOf(p: Params, files: FileAccess) {
  const ref = modelRef(p);
  if (!ref) {
    shipped ??= openShipped().catch((e: unknown) => {
      shipped = undefined;
      throw e;
    });
    return { classes: SHIPPED_CLASSES, name: 'detector.onnx', detector: await shipped, keep: true };
  }
  if (!p.classes)
    throw new ParamError(
      'name the classes of the model',
      'classes',
      msg('node.xray_classes_needed', { field: setting(params, 'classes') }),
    );
  const head: DetectorConfig['head'] =
    p.head === 'yolo_grid'
      ? { kind: 'yolo_grid', anchors: p.anchors }
      : p.head === 'yolo_flat'
        ? { kind: 'yolo_flat' }
        : {
            kind: 'ssd',
            priors: ssdPriors({
              featureMaps: p.ssdFeatureMaps,
              minScale: p.ssdScales[0],
              maxScale: p.ssdScales[1],
              aspectRatios: p.ssdAspectRatios,
            }),
            variances: p.ssdVariances,
            logits: p.ssdLogits,
          };
  const name = display(ref);
  const bytes = await files.readAll(ref);
  try {
    const detector = await openDetector(bytes, {
      classes: p.classes.length,
      inputSize: p.inputSize,
      head,
      scale: p.pixelScale === '0-1' ? 1 : 255,
    });
    return { classes: p.classes, name, detector, keep: false };
  } catch (e) {
    throw new ParamError(
      `"${name}" is not an ONNX model: ${(e as Error).message}`,
      'modelPath',
      msg('node.xray_model_unreadable', { file: name }),
    );
  }
}

export const xrayDetect = defineNode<Params>({
  kind: 'source',
  type: 'model.xray_detect',
  version: 1,
  category: 'model',
  label: { ko: 'AI X-ray 은닉물 탐지', en: 'AI X-ray: hidden items' },
  description: {
    ko: '화물 X-ray 영상(이중 에너지 컬러, PNG·JPEG)에서 칼·총기·마약 포장물·담배·배터리를 찾아 상자, 품목, 신뢰도를 냅니다. 영상마다 경보 여부와 상자 수도 적습니다. 기본 모델은 이 프로젝트가 생성 영상으로 학습한 작은 ONNX 탐지기이며, 직접 학습한 YOLO·SSD 형식의 ONNX 모델을 지정할 수도 있습니다.',
    en: 'Finds knives, guns, drug packages, cigarettes and batteries in cargo X-ray images (dual-energy pseudo-colour, PNG or JPEG): a box, class and score per find, plus an alarm and box count per image. The shipped detector is a small ONNX model this project trains on generated images; an ONNX model of your own with a YOLO or SSD head can be named instead.',
  },
  inputs: [],
  outputs: [OUT],
  params,

  async fingerprint({ params: p, files }) {
    const refs = [...imageRefs(p), ...(modelRef(p) ? [modelRef(p)!] : [])];
    const prints = await Promise.all(refs.map(async (r) => (await files.stat(r)).fingerprint));
    return prints.join('|');
  },

  async load({ params: p, files, engine, tableName, signal }) {
    const refs = imageRefs(p);
    if (refs.length === 0)
      throw new ParamError('no images', 'images', msg('node.xray_no_images', { field: setting(params, 'images') }));
    const { classes, name: modelName, detector, keep } = await detectorOf(p, files);
    const cols: unknown[][] = COLUMNS.map(() => []);
    const thumbs: unknown[][] = [[], [], []];
    const threshold = (cls: string) => p.classThresholds?.[cls] ?? p.minScore;
    const floor = Math.min(p.minScore, ...Object.values(p.classThresholds ?? {}));
    try {
      for (const ref of refs) {
        signal?.throwIfAborted();
        // a dataset is named by its file's name, as a path is: the evaluation joins the truth boxes on it
        const name = ref.path ? display(ref) : (await files.stat(ref)).name;
        let image: ReturnType<typeof decodeImage>;
        const bytes = await files.readAll(ref);
        try {
          image = decodeImage(bytes, XRAY_MAX_MEGAPIXELS);
        } catch (e) {
          if (!(e instanceof ImageDecodeError)) throw e;
          const param = ref.path ? 'images' : 'imageDatasets';
          throw e.problem.kind === 'too_large'
            ? new ParamError(
                `"${name}" has ${e.problem.megapixels} megapixels`,
                param,
                msg('node.xray_image_too_large', {
                  file: name,
                  megapixels: e.problem.megapixels,
                  max: XRAY_MAX_MEGAPIXELS,
                }),
              )
            : new ParamError(
                `"${name}" is not a readable image`,
                param,
                msg('node.xray_image_unreadable', { file: name }),
              );
        }
        let found: Awaited<ReturnType<typeof detector.detect>>;
        try {
          found = (await detector.detect(image, { minScore: floor, iou: p.iou })).filter(
            (d) => d.score >= threshold(classes[d.cls]!),
          );
        } catch (e) {
          const why = e instanceof DetectorShapeError || e instanceof Error ? e.message : String(e);
          throw new ParamError(
            `the detector does not fit: ${why}`,
            p.model === 'custom' ? 'head' : 'model',
            msg('node.xray_model_shape', { file: modelName, why: why.slice(0, 200) }),
          );
        }
        thumbs[0]!.push(name);
        thumbs[1]!.push(ref.path ?? `dataset:${ref.datasetId}`);
        thumbs[2]!.push(thumbnailDataUrl(image, THUMB, bytes));
        const rows = found.length ? found : [null];
        rows.forEach((d, i) => {
          const cls = d ? classes[d.cls]! : null;
          const round = (v: number) => Math.round(v * 10) / 10;
          const values = [
            name,
            d ? i + 1 : null,
            cls,
            cls ? (XRAY_CLASS_NAMES[cls]?.ko ?? cls) : null,
            d ? Math.round(d.score * 1000) / 1000 : null,
            d ? round(d.x1) : null,
            d ? round(d.y1) : null,
            d ? round(d.x2) : null,
            d ? round(d.y2) : null,
            image.width,
            image.height,
            found.length > 0,
            found.length,
          ];
          values.forEach((v, k) => {
            cols[k]!.push(v);
          });
        });
      }
    } finally {
      if (!keep) await detector.release();
    }
    await engine.createTable(
      tableName,
      COLUMNS.map(([name, type]) => ({ name, type })),
      cols,
    );
    await engine.createTable(
      imagesTableOf(tableName),
      [
        { name: 'image', type: 'VARCHAR' },
        { name: 'path', type: 'VARCHAR' },
        { name: 'thumbnail', type: 'VARCHAR' },
      ],
      thumbs,
    );
    const relation = ident(tableName);
    return { relation, schema: await engine.describe(`SELECT * FROM ${relation}`), warnings: [] };
  },

  datasetRefs: (p) => [...(p.imageDatasets ?? []), ...(p.model === 'custom' && p.modelDataset ? [p.modelDataset] : [])],

  resolvePaths: (p, resolve) => ({
    ...p,
    ...(p.images ? { images: p.images.map(resolve) } : {}),
    ...(p.modelPath ? { modelPath: resolve(p.modelPath) } : {}),
  }),
});
