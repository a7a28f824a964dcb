/** Checks an uploaded ONNX model before it enters the registry, and summarises stored metadata for the API. */
import onnxProto from 'onnx-proto';
import { rawColumns } from '../../nodes/model/_scoring.ts';
import { type Message, msg } from '../../runtime/messages/render.ts';
import type { StoredModel } from '../../runtime/ml/model-store.ts';
import { openOnnx } from '../../runtime/ml/onnx-score.ts';
import { ApiError } from '../errors.ts';

const { onnx } = onnxProto;
const refuse = (code: string, message: string, said?: Message) => new ApiError(422, code, message, {}, said);

/** protobufjs gives int64 as a number, or as a Long when the `long` package is around. */
const toNumber = (v: unknown) => (typeof v === 'number' ? v : Number((v as { toNumber(): number }).toNumber()));

/**
 * What `model.score` needs: one float input [N, columns] (the second dimension equal to the column count
 * when the model fixes it), and a model onnxruntime opens and runs on one row of zeros.
 */
export async function checkUploadedOnnx(bytes: Uint8Array, columns: number): Promise<void> {
  let graph: ReturnType<typeof onnx.ModelProto.decode>['graph'];
  try {
    graph = onnx.ModelProto.decode(bytes).graph;
  } catch (e) {
    throw refuse('invalid_onnx', `the file is not an ONNX model: ${(e as Error).message}`);
  }
  if (!graph) throw refuse('invalid_onnx', 'the file is not an ONNX model: it has no graph');
  // Initializers may also be listed as graph inputs (older exporters); they are weights, not inputs.
  const weights = new Set((graph.initializer ?? []).map((t) => t.name));
  const inputs = (graph.input ?? []).filter((i) => !weights.has(i.name ?? ''));
  if (inputs.length !== 1) {
    throw refuse('unsupported_onnx', `the model must have exactly one input (a float table); it has ${inputs.length}`);
  }
  const tensor = inputs[0]!.type?.tensorType;
  if (!tensor || tensor.elemType !== onnx.TensorProto.DataType.FLOAT) {
    throw refuse('unsupported_onnx', `the model's input "${inputs[0]!.name}" must be a float (float32) tensor`);
  }
  const dims = tensor.shape?.dim ?? [];
  if (dims.length > 0 && dims.length !== 2) {
    throw refuse(
      'unsupported_onnx',
      `the model's input must be a table [rows, columns]; it has ${dims.length} dimensions`,
      msg('model.onnx_dims', { dims: dims.length }),
    );
  }
  const second = dims[1];
  const width = second && !second.dimParam ? toNumber(second.dimValue ?? 0) : 0;
  if (width > 0 && width !== columns) {
    throw refuse(
      'column_count_mismatch',
      `the model reads ${width} columns but ${columns} input column(s) were named; name exactly ${width}, in the model's order`,
      msg('model.onnx_columns', { width, columns }),
    );
  }
  let session: Awaited<ReturnType<typeof openOnnx>> | undefined;
  try {
    session = await openOnnx(bytes);
    await session.score(new Float32Array(columns), 1, columns);
  } catch (e) {
    throw refuse(
      'invalid_onnx',
      `onnxruntime could not run the model on ${columns} column(s): ${(e as Error).message}`,
      msg('model.onnx_run', { columns }),
    );
  } finally {
    await session?.release();
  }
}

/** The metadata without the big per-key statistics tables (those only matter to scoring). */
export function metaSummary(meta: StoredModel['meta']) {
  if (meta.kind === 'onnx') return { kind: 'onnx' as const, inputColumns: meta.inputColumns };
  const { categorical, numeric } = rawColumns(meta);
  return {
    kind: 'screening' as const,
    inputColumns: [...categorical, ...numeric],
    learner: meta.learner,
    report: meta.report,
    features: meta.pre.featureNames,
    keys: meta.pre.keys.map((k) => ({ name: k.name, columns: k.columns })),
  };
}
