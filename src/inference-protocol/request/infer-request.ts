import { TensorInfo } from '../../model-registry/onnx-session';
import { DatatypeInfo, TensorData } from '../tensor/datatypes';

/** An inference request body: the JSON object, and the binary tail when the binary extension is used. */
export class InferenceBody {
  constructor(
    readonly json: unknown,
    readonly binary?: Buffer,
  ) {}
}

/** The graph a request is checked against. */
export interface ModelSignature {
  name: string;
  inputs: readonly TensorInfo[];
  outputs: readonly TensorInfo[];
}

export interface ParsedInput {
  name: string;
  info: DatatypeInfo;
  shape: number[];
  data: TensorData;
}

export interface RequestedOutput {
  name: string;
  info: DatatypeInfo;
  /** Return this output in the binary extension's layout rather than as JSON. */
  binary: boolean;
}

/** A request checked against the model: every input decoded, every requested output known. */
export interface ParsedInferRequest {
  id?: string;
  parameters?: Record<string, unknown>;
  inputs: ParsedInput[];
  outputs: RequestedOutput[];
}
