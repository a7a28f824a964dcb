import { MISSING } from './binning.ts';
import type { GbdtModel } from './gbdt.ts';
import { CLIP, type MlpModel } from './mlp.ts';
import {
  floats,
  int,
  ints,
  type NodeProto,
  onnx,
  str,
  strings,
  type TensorProto,
  tensor,
  valueInfo,
} from './onnx-build.ts';

/**
 * Trained models as ONNX graphs over one float input `X` [N, features] with one output `score` [N, 1]
 * (probability of the positive class). Trees use the `ai.onnx.ml` TreeEnsembleRegressor; MLPs plain
 * MatMul/Add/Relu; an ensemble averages both in one graph.
 */
interface Graph {
  nodes: NodeProto[];
  initializers: TensorProto[];
}

/** Adds the trees to `g`, reading `input`, writing the probability to `output`. */
function addGbdt(g: Graph, model: GbdtModel, input: string, output: string, prefix: string) {
  const a = {
    tree: [] as number[],
    node: [] as number[],
    feature: [] as number[],
    value: [] as number[],
    mode: [] as string[],
    yes: [] as number[],
    no: [] as number[],
  };
  const t = { tree: [] as number[], node: [] as number[], weight: [] as number[] };
  model.trees.forEach((tree, ti) => {
    for (let k = 0; k < tree.feature.length; k++) {
      const leaf = tree.feature[k]! < 0;
      a.tree.push(ti);
      a.node.push(k);
      a.feature.push(leaf ? 0 : tree.feature[k]!);
      a.value.push(leaf ? 0 : tree.threshold[k]!);
      a.mode.push(leaf ? 'LEAF' : 'BRANCH_LEQ');
      a.yes.push(leaf ? 0 : tree.left[k]!);
      a.no.push(leaf ? 0 : tree.right[k]!);
      if (leaf) {
        t.tree.push(ti);
        t.node.push(k);
        t.weight.push(tree.value[k]!);
      }
    }
  });
  g.nodes.push(
    onnx.NodeProto.create({
      opType: 'TreeEnsembleRegressor',
      domain: 'ai.onnx.ml',
      input: [input],
      output: [`${prefix}raw`],
      attribute: [
        int('n_targets', 1),
        ints('nodes_treeids', a.tree),
        ints('nodes_nodeids', a.node),
        ints('nodes_featureids', a.feature),
        floats('nodes_values', a.value),
        strings('nodes_modes', a.mode),
        ints('nodes_truenodeids', a.yes),
        ints('nodes_falsenodeids', a.no),
        ints(
          'nodes_missing_value_tracks_true',
          a.tree.map(() => 0),
        ),
        ints('target_treeids', t.tree),
        ints('target_nodeids', t.node),
        ints(
          'target_ids',
          t.tree.map(() => 0),
        ),
        floats('target_weights', t.weight),
        floats('base_values', [model.baseScore]),
        str('aggregate_function', 'SUM'),
        str('post_transform', 'NONE'),
      ],
    }),
    onnx.NodeProto.create({ opType: 'Sigmoid', input: [`${prefix}raw`], output: [output] }),
  );
}

function addMlp(g: Graph, model: MlpModel, input: string, output: string, prefix: string) {
  const f = model.mean.length;
  g.initializers.push(
    tensor(`${prefix}missing`, [1], [MISSING]),
    tensor(`${prefix}fill`, [f], model.fill),
    tensor(`${prefix}mean`, [f], model.mean),
    tensor(`${prefix}scale`, [f], model.scale),
    tensor(`${prefix}lo`, [], [-CLIP]),
    tensor(`${prefix}hi`, [], [CLIP]),
  );
  g.nodes.push(
    onnx.NodeProto.create({ opType: 'Equal', input: [input, `${prefix}missing`], output: [`${prefix}isna`] }),
    onnx.NodeProto.create({
      opType: 'Where',
      input: [`${prefix}isna`, `${prefix}fill`, input],
      output: [`${prefix}filled`],
    }),
    onnx.NodeProto.create({ opType: 'Sub', input: [`${prefix}filled`, `${prefix}mean`], output: [`${prefix}centred`] }),
    onnx.NodeProto.create({ opType: 'Div', input: [`${prefix}centred`, `${prefix}scale`], output: [`${prefix}z`] }),
    onnx.NodeProto.create({
      opType: 'Clip',
      input: [`${prefix}z`, `${prefix}lo`, `${prefix}hi`],
      output: [`${prefix}h0`],
    }),
  );
  model.layers.forEach((L, l) => {
    const last = l === model.layers.length - 1;
    g.initializers.push(
      tensor(`${prefix}W${l}`, [L.inputs, L.outputs], L.w),
      tensor(`${prefix}B${l}`, [L.outputs], L.b),
    );
    g.nodes.push(
      onnx.NodeProto.create({
        opType: 'MatMul',
        input: [`${prefix}h${l}`, `${prefix}W${l}`],
        output: [`${prefix}m${l}`],
      }),
      onnx.NodeProto.create({ opType: 'Add', input: [`${prefix}m${l}`, `${prefix}B${l}`], output: [`${prefix}z${l}`] }),
      onnx.NodeProto.create({
        opType: last ? 'Sigmoid' : 'Relu',
        input: [`${prefix}z${l}`],
        output: [last ? output : `${prefix}h${l + 1}`],
      }),
    );
  });
}

export type ExportableModel = GbdtModel | MlpModel | { kind: 'ensemble'; members: (GbdtModel | MlpModel)[] };

export function featureCountOf(model: ExportableModel): number {
  if (model.kind === 'gbdt') return model.featureCount;
  if (model.kind === 'mlp') return model.mean.length;
  return featureCountOf(model.members[0]!);
}

/** Serialized ONNX bytes of the model; input `X` float32 [N, features], output `score` [N, 1]. */
export function exportOnnx(model: ExportableModel, name = 'risk-score'): Uint8Array {
  const g: Graph = { nodes: [], initializers: [] };
  const add = (m: GbdtModel | MlpModel, out: string, prefix: string) =>
    m.kind === 'gbdt' ? addGbdt(g, m, 'X', out, prefix) : addMlp(g, m, 'X', out, prefix);
  if (model.kind === 'ensemble') {
    const outs = model.members.map((m, i) => {
      add(m, `s${i}`, `e${i}_`);
      return `s${i}`;
    });
    g.initializers.push(tensor('share', [1], [1 / outs.length]));
    g.nodes.push(onnx.NodeProto.create({ opType: 'Sum', input: outs, output: ['total'] }));
    g.nodes.push(onnx.NodeProto.create({ opType: 'Mul', input: ['total', 'share'], output: ['score'] }));
  } else add(model, 'score', 'm_');
  const graph = onnx.GraphProto.create({
    name,
    node: g.nodes,
    initializer: g.initializers,
    input: [valueInfo('X', ['N', featureCountOf(model)])],
    output: [valueInfo('score', ['N', 1])],
  });
  const proto = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'customs-analysis-studio',
    opsetImport: [
      { domain: '', version: 13 },
      { domain: 'ai.onnx.ml', version: 3 },
    ],
    graph,
  });
  const err = onnx.ModelProto.verify(proto);
  if (err) throw new Error(`ONNX model is invalid: ${err}`);
  return onnx.ModelProto.encode(proto).finish();
}
