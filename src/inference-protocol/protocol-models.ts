import { Injectable } from '@nestjs/common';
import { ModelNotReadyError } from '../common/errors/domain-error';
import { ModelRegistry } from '../model-registry/model-registry.service';
import { ModelVersion } from '../model-registry/model-version';
import { ModelSession } from '../model-registry/onnx-session';

export interface LoadedVersion extends ModelVersion {
  status: 'ready';
  session: ModelSession;
}

/**
 * Model lookup for the v2 routes: any loaded version, with or without a manifest. A missing model
 * or version is the registry's not-found error (404), a version that did not load is 503.
 */
@Injectable()
export class ProtocolModels {
  constructor(private readonly registry: ModelRegistry) {}

  version(name: string, version?: string): ModelVersion {
    return this.registry.version(name, version);
  }

  loaded(name: string, version?: string): LoadedVersion {
    const v = this.registry.version(name, version);
    if (v.status !== 'ready' || !v.session)
      throw new ModelNotReadyError(v.name, v.version, v.error ?? v.status);
    return v as LoadedVersion;
  }

  /** Every version a client may name in a URL, in the store's order. */
  versions(name: string): string[] {
    return [...this.registry.get(name).versions.keys()];
  }

  /** Ready when start-up loading is done and some version can serve (as GET /health/ready decides). */
  serverReady(): { ready: boolean; reason?: string } {
    if (!this.registry.startupComplete) return { ready: false, reason: 'models are still loading' };
    const any = this.registry.list().some((m) => [...m.versions.values()].some((v) => v.status === 'ready'));
    return any ? { ready: true } : { ready: false, reason: 'no model version is ready' };
  }
}
