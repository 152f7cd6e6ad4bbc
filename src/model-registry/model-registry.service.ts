import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit, Optional } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ModelNotFoundError, ModelNotReadyError, VersionNotFoundError } from '../common/errors/domain-error';
import { FeatureEncoder } from './feature-encoder';
import { checkManifestAgainstGraph } from './graph-check';
import { readDescription } from './model-description';
import { ModelRegistryEvents } from './model-registry.events';
import { ModelStore, StoredVersion } from './model-store';
import { ModelVersion, RegisteredModel, ServableVersion } from './model-version';
import { SessionFactory } from './onnx-session';
import { warmUp } from './warm-up';

/** Loads every model under MODELS_DIR at start-up; one broken version never stops the others. */
@Injectable()
export class ModelRegistry implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ModelRegistry.name);
  private readonly models = new Map<string, RegisteredModel>();
  private loaded = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionFactory,
    // provided by the telemetry module; absent in bare unit tests
    @Optional() private readonly events: ModelRegistryEvents = new ModelRegistryEvents(),
  ) {}

  async onModuleInit(): Promise<void> {
    for (const stored of new ModelStore(this.config.modelsDir).scan()) {
      const model: RegisteredModel = {
        name: stored.name,
        defaultVersion: stored.defaultVersion,
        serveAsDefault: stored.serveAsDefault,
        versions: new Map(),
        problems: stored.problems,
      };
      for (const problem of stored.problems) this.logger.error(`model ${stored.name}: ${problem}`);
      this.models.set(stored.name, model);
      for (const v of stored.versions) {
        model.versions.set(v.version, await this.load(v));
      }
    }
    this.loaded = true;
    if (this.models.size === 0) this.logger.warn(`no models found in ${this.config.modelsDir}`);
  }

  async onApplicationShutdown(): Promise<void> {
    for (const model of this.models.values()) {
      for (const v of model.versions.values()) await v.session?.release().catch(() => undefined);
    }
  }

  get startupComplete(): boolean {
    return this.loaded;
  }

  list(): RegisteredModel[] {
    return [...this.models.values()];
  }

  get(name: string): RegisteredModel {
    const model = this.models.get(name);
    if (!model) throw new ModelNotFoundError(name);
    return model;
  }

  /** Any loaded version, manifest or not (the v2 protocol serves bare graphs too). */
  version(name: string, version?: string): ModelVersion {
    const model = this.get(name);
    const wanted = version ?? model.defaultVersion;
    const found = wanted === undefined ? undefined : model.versions.get(wanted);
    if (!found) throw new VersionNotFoundError(name, wanted ?? '(default)');
    return found;
  }

  /** A version the v1 prediction API can serve, or a domain error saying why not. */
  servable(name: string, version?: string): ServableVersion {
    const v = this.version(name, version);
    if (v.status !== 'ready') throw new ModelNotReadyError(v.name, v.version, v.error ?? v.status);
    if (!v.manifest)
      throw new ModelNotReadyError(v.name, v.version, 'it has no manifest.json (served on /v2 only)');
    return v as ServableVersion;
  }

  /** The model `POST /predict` serves: DEFAULT_MODEL, else the one marked serveAsDefault, else the first with a manifest. */
  defaultModelName(): string | undefined {
    if (this.config.defaultModel) return this.config.defaultModel;
    const marked = this.list().find((m) => m.serveAsDefault);
    if (marked) return marked.name;
    const withManifest = this.list().find((m) => [...m.versions.values()].some((v) => v.manifest));
    return withManifest?.name;
  }

  private async load(stored: StoredVersion): Promise<ModelVersion> {
    const entry: ModelVersion = {
      name: stored.name,
      version: stored.version,
      status: 'loading',
      stored,
      inputs: [],
      outputs: [],
    };
    try {
      const described = stored.manifestPath
        ? await readDescription(stored.dir, stored.manifestPath)
        : undefined;
      entry.manifest = described?.manifest;
      entry.tokenizer = described?.tokenizer;
      const session = await this.sessions.create(stored.modelPath);
      entry.session = session;
      entry.inputs = session.inputs;
      entry.outputs = session.outputs;
      if (entry.manifest) {
        const problems = checkManifestAgainstGraph(entry.manifest, session.inputs, session.outputs);
        if (problems.length > 0) throw new Error(`manifest does not match the graph: ${problems.join('; ')}`);
        entry.encoder = new FeatureEncoder(entry.manifest, session.inputs, entry.tokenizer);
        await warmUp(entry.manifest, entry.encoder, session);
      }
      entry.status = 'ready';
      entry.loadedAt = new Date();
      this.events.loaded(stored.name, stored.version);
      this.logger.log(`model ${stored.name} version ${stored.version} ready`);
    } catch (err) {
      entry.status = 'failed';
      entry.error = (err as Error).message.slice(0, 1000);
      await entry.session?.release().catch(() => undefined);
      entry.session = undefined;
      this.events.loadFailed(stored.name, stored.version);
      this.logger.error(`model ${stored.name} version ${stored.version} failed to load: ${entry.error}`);
    }
    return entry;
  }
}
