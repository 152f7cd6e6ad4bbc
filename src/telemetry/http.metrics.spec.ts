import { ModelNotFoundError } from '../common/errors/domain-error';
import { ModelRegistry } from '../model-registry/model-registry.service';
import { RegisteredModel } from '../model-registry/model-version';
import { ModelLabeler } from './http.metrics';

/** A registry that knows loan-risk only, and fails on anything else the labeler might call. */
function fakeRegistry(defaultModel: string | undefined): ModelRegistry {
  const fake = {
    get: (name: string): RegisteredModel => {
      if (name !== 'loan-risk') throw new ModelNotFoundError(name);
      return { name, versions: new Map(), problems: [] } as unknown as RegisteredModel;
    },
    defaultModelName: () => defaultModel,
  };
  return new Proxy(fake, {
    get: (target, prop) => {
      if (prop in target) return target[prop as keyof typeof target];
      throw new Error(`unexpected call: ModelRegistry.${String(prop)}`);
    },
  }) as unknown as ModelRegistry;
}

describe(ModelLabeler.name, () => {
  const labeler = new ModelLabeler(fakeRegistry('loan-risk'));

  it('labels a model route with the model when the registry knows it', () => {
    expect(labeler.label('/v1/models/:name/predict', { name: 'loan-risk' })).toBe('loan-risk');
    expect(labeler.label('/v2/models/:model_name/infer', { model_name: 'loan-risk' })).toBe('loan-risk');
  });

  it('labels anything else "unknown", so clients cannot mint series', () => {
    expect(labeler.label('/v1/models/:name/predict', { name: 'x'.repeat(200) })).toBe('unknown');
    expect(labeler.label('/v1/models/:name/predict', {})).toBe('unknown');
  });

  it('labels the default-model route with the default model', () => {
    expect(labeler.label('/predict', {})).toBe('loan-risk');
    expect(new ModelLabeler(fakeRegistry(undefined)).label('/predict', {})).toBe('unknown');
  });

  it('leaves the label empty on routes about no model', () => {
    expect(labeler.label('/health/ready', {})).toBe('');
    expect(labeler.label('/v1/predictions/:id', { id: '0190' })).toBe('');
  });
});
