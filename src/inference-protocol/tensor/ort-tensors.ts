import * as ort from 'onnxruntime-node';
import { Feeds, Fetches } from '../../model-registry/onnx-session';
import { ParsedInput, RequestedOutput } from '../request/infer-request';
import { OutputTensor } from '../response/infer-response';
import { TensorData } from './datatypes';

/**
 * Where the runtime has `Float16Array` (Node 23+), onnxruntime-common stores FP16 data in one,
 * and onnxruntime-node's binding reads its byte length as 0 ("not enough space: expected 4, got
 * 0"; microsoft/onnxruntime PR #32323). The binding reads `type`, `dims` and `data` off the feed,
 * so an FP16 feed is handed over as those three with the raw half bits in a Uint16Array, which
 * every runtime's binding accepts.
 */
function halfFeed(data: Uint16Array, dims: readonly number[]): ort.Tensor {
  return { type: 'float16', dims, data, location: 'cpu' } as unknown as ort.Tensor;
}

/** FP16 outputs come back as a Float16Array view where one exists: read them as their half bits. */
function halfBits(data: ort.Tensor.DataType): Uint16Array {
  if (data instanceof Uint16Array) return data;
  const view = data as unknown as ArrayBufferView & { length: number };
  return new Uint16Array(view.buffer, view.byteOffset, view.length);
}

/** onnxruntime-node tensors for the decoded inputs; the typed arrays are handed over, not copied. */
export function toFeeds(inputs: readonly ParsedInput[]): Feeds {
  const feeds: Feeds = {};
  for (const input of inputs) {
    feeds[input.name] =
      input.info.ort === 'float16'
        ? halfFeed(input.data as Uint16Array, input.shape)
        : new ort.Tensor(input.info.ort, input.data as ort.Tensor.DataType, input.shape);
  }
  return feeds;
}

/** The requested outputs read back from a session run, in request order. */
export function fromFetches(fetches: Fetches, requested: readonly RequestedOutput[]): OutputTensor[] {
  return requested.map((r) => {
    const tensor = fetches[r.name];
    if (!tensor) throw new Error(`the session returned no output "${r.name}"`);
    if (tensor.type !== r.info.ort)
      throw new Error(`output "${r.name}" came back as ${tensor.type}, the graph declares ${r.info.ort}`);
    return {
      name: r.name,
      info: r.info,
      shape: [...tensor.dims],
      data: (tensor.type === 'float16' ? halfBits(tensor.data) : tensor.data) as TensorData,
      binary: r.binary,
    };
  });
}
