import { encodeBinary } from '../tensor/binary-codec';
import { DatatypeInfo, TensorData } from '../tensor/datatypes';
import { encodeJson } from '../tensor/json-codec';

export interface OutputTensor {
  name: string;
  info: DatatypeInfo;
  shape: number[];
  data: TensorData;
  binary: boolean;
}

export interface InferResponseEnvelope {
  model_name: string;
  model_version: string;
  id?: string;
}

export interface EncodedResponse {
  body: string | Buffer;
  contentType: string;
  /** Length of the JSON part, for the Inference-Header-Content-Length header; set only with binary outputs. */
  headerLength?: number;
}

/**
 * The inference response. The JSON is assembled by hand so that INT64/UINT64 elements are written
 * as exact integer literals (JSON.stringify cannot write a BigInt) and large float arrays skip the
 * per-element object walk. Binary outputs follow the JSON in request order, as the extension says.
 */
export function encodeInferResponse(
  envelope: InferResponseEnvelope,
  outputs: OutputTensor[],
): EncodedResponse {
  const tails: Buffer[] = [];
  const entries = outputs.map((o) => {
    const head = `{"name":${JSON.stringify(o.name)},"datatype":"${o.info.datatype}","shape":[${o.shape.join(',')}]`;
    if (!o.binary) return `${head},"data":${encodeJson(o.info, o.data)}}`;
    const bytes = encodeBinary(o.info, o.data);
    tails.push(bytes);
    return `${head},"parameters":{"binary_data_size":${bytes.byteLength}}}`;
  });
  const fields = [
    `"model_name":${JSON.stringify(envelope.model_name)}`,
    `"model_version":${JSON.stringify(envelope.model_version)}`,
  ];
  if (envelope.id !== undefined) fields.push(`"id":${JSON.stringify(envelope.id)}`);
  fields.push(`"outputs":[${entries.join(',')}]`);
  const json = `{${fields.join(',')}}`;
  if (tails.length === 0) return { body: json, contentType: 'application/json; charset=utf-8' };
  const header = Buffer.from(json, 'utf8');
  return {
    body: Buffer.concat([header, ...tails]),
    contentType: 'application/octet-stream',
    headerLength: header.byteLength,
  };
}
