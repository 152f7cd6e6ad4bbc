/** A field-level validation message, as returned in problem+json `errors`. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * The error codes the domain can raise. The HTTP mapping lives in one place
 * (problem-details.filter.ts), so services never speak HTTP.
 */
export type DomainErrorCode =
  | 'validation_failed'
  | 'model_not_found'
  | 'version_not_found'
  | 'model_not_ready'
  | 'prediction_not_found'
  | 'feedback_conflict'
  | 'no_default_model'
  | 'inference_failed'
  | 'not_found'
  | 'conflict'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class ValidationFailedError extends DomainError {
  constructor(errors: FieldError[], message = 'The request does not match the schema') {
    super('validation_failed', message, errors);
  }
}

export class ModelNotFoundError extends DomainError {
  constructor(name: string) {
    super('model_not_found', `No model named "${name}"`);
  }
}

export class VersionNotFoundError extends DomainError {
  constructor(name: string, version: string) {
    super('version_not_found', `Model "${name}" has no version "${version}"`);
  }
}

export class ModelNotReadyError extends DomainError {
  constructor(name: string, version: string, reason: string) {
    super('model_not_ready', `Model "${name}" version "${version}" is not ready: ${reason}`);
  }
}

export class PredictionNotFoundError extends DomainError {
  constructor(id: string) {
    super('prediction_not_found', `No prediction with id "${id}"`);
  }
}
