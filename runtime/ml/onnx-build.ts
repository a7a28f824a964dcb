import onnxProto from 'onnx-proto';

/** The small builders every ONNX graph this project writes is made of (float tensors, attributes, value infos). */
export const { onnx } = onnxProto;
const F32 = onnx.TensorProto.DataType.FLOAT;
const ATTR = onnx.AttributeProto.AttributeType;

export type NodeProto = ReturnType<typeof onnx.NodeProto.create>;
export type TensorProto = ReturnType<typeof onnx.TensorProto.create>;

/** A float tensor's name and shape; a string dimension is symbolic (e.g. the batch `N`). */
export function valueInfo(name: string, dims: (number | string)[]) {
  return onnx.ValueInfoProto.create({
    name,
    type: {
      tensorType: {
        elemType: F32,
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  });
}

export function tensor(name: string, dims: number[], values: ArrayLike<number>): TensorProto {
  return onnx.TensorProto.create({ name, dims, dataType: F32, floatData: Array.from(values) });
}

export const ints = (name: string, v: number[]) => onnx.AttributeProto.create({ name, type: ATTR.INTS, ints: v });
export const floats = (name: string, v: number[]) => onnx.AttributeProto.create({ name, type: ATTR.FLOATS, floats: v });
export const strings = (name: string, v: string[]) =>
  onnx.AttributeProto.create({ name, type: ATTR.STRINGS, strings: v.map((s) => new TextEncoder().encode(s)) });
export const str = (name: string, v: string) =>
  onnx.AttributeProto.create({ name, type: ATTR.STRING, s: new TextEncoder().encode(v) });
export const int = (name: string, v: number) => onnx.AttributeProto.create({ name, type: ATTR.INT, i: v });
