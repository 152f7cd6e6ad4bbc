import { Injectable } from '@nestjs/common';
import { TensorInfo } from '../model-registry/onnx-session';
import {
  MetadataTensorDto,
  ModelMetadataDto,
  ModelReadyDto,
  ServerMetadataDto,
  ServerReadyDto,
} from './dto/metadata.dto';
import { ProtocolModels } from './protocol-models';
import { sightlineVersion } from '../common/version';
import { EXTENSIONS, PLATFORM, SERVER_NAME } from './server-info';
import { protocolDatatype } from './tensor/datatypes';
import { protocolShape } from './tensor/shape';

function tensor(t: TensorInfo): MetadataTensorDto {
  return { name: t.name, datatype: protocolDatatype(t.type), shape: protocolShape(t.shape) };
}

/** Server and model metadata and readiness, as the v2 health and metadata endpoints report them. */
@Injectable()
export class ProtocolMetadataService {
  private readonly server: ServerMetadataDto = {
    name: SERVER_NAME,
    version: sightlineVersion(),
    extensions: [...EXTENSIONS],
  };

  constructor(private readonly models: ProtocolModels) {}

  serverMetadata(): ServerMetadataDto {
    return this.server;
  }

  serverReady(): ServerReadyDto {
    const { ready, reason } = this.models.serverReady();
    return reason ? { ready, live: true, error: reason } : { ready, live: true };
  }

  /** Inputs and outputs come from the ONNX graph, so a version that did not load has none to show (503). */
  modelMetadata(name: string, version?: string): ModelMetadataDto {
    const v = this.models.loaded(name, version);
    return {
      name: v.name,
      versions: this.models.versions(v.name),
      platform: PLATFORM,
      inputs: v.inputs.map(tensor),
      outputs: v.outputs.map(tensor),
    };
  }

  modelReady(name: string, version?: string): ModelReadyDto {
    const v = this.models.version(name, version);
    if (v.status === 'ready' && v.session) return { name: v.name, ready: true };
    return { name: v.name, ready: false, error: `version ${v.version} is not ready: ${v.error ?? v.status}` };
  }
}
