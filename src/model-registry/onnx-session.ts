import { Injectable } from '@nestjs/common';
import * as ort from 'onnxruntime-node';

export interface TensorInfo {
  name: string;
  /** ONNX Runtime element type name: float32, int64, string, bool, ... */
  type: string;
  /** Numbers for fixed dimensions, strings (or -1) for dynamic ones. */
  shape: (number | string)[];
}

export type Feeds = Record<string, ort.Tensor>;
export type Fetches = Record<string, ort.Tensor>;

/** The ONNX session as the rest of the app sees it: metadata, run, release. */
export interface ModelSession {
  readonly inputs: TensorInfo[];
  readonly outputs: TensorInfo[];
  run(feeds: Feeds, outputNames?: readonly string[]): Promise<Fetches>;
  release(): Promise<void>;
}

/** Side-effect boundary around onnxruntime-node, replaceable in tests. */
export abstract class SessionFactory {
  abstract create(modelPath: string): Promise<ModelSession>;
}

function describe(meta: readonly ort.InferenceSession.ValueMetadata[]): TensorInfo[] {
  return meta.map((m) =>
    m.isTensor
      ? { name: m.name, type: String(m.type), shape: [...m.shape] }
      : { name: m.name, type: 'non-tensor', shape: [] },
  );
}

@Injectable()
export class OrtSessionFactory extends SessionFactory {
  async create(modelPath: string): Promise<ModelSession> {
    const session = await ort.InferenceSession.create(modelPath, {
      executionProviders: ['cpu'],
      graphOptimizationLevel: 'all',
      // small tabular models gain nothing from intra-op threads and the pool competes with the event loop
      intraOpNumThreads: 1,
      // the CPU arena keeps memory after a session is released (onnxruntime #25325): reloads must not grow RSS
      enableCpuMemArena: false,
    });
    return {
      inputs: describe(session.inputMetadata),
      outputs: describe(session.outputMetadata),
      run: (feeds, outputNames) =>
        outputNames ? session.run(feeds, outputNames as string[]) : session.run(feeds),
      release: () => session.release(),
    };
  }
}
