import * as ort from 'onnxruntime-node';
import { Feeds, Fetches } from '../../model-registry/onnx-session';
import { ParsedInput, RequestedOutput } from '../request/infer-request';
import { OutputTensor } from '../response/infer-response';
import { TensorData } from './datatypes';

/** onnxruntime-node tensors for the decoded inputs; the typed arrays are handed over, not copied. */
export function toFeeds(inputs: readonly ParsedInput[]): Feeds {
  const feeds: Feeds = {};
  for (const input of inputs) {
    feeds[input.name] = new ort.Tensor(input.info.ort, input.data as ort.Tensor.DataType, input.shape);
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
      data: tensor.data as TensorData,
      binary: r.binary,
    };
  });
}
