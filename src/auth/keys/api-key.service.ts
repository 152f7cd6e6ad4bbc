import { Injectable } from '@nestjs/common';
import { FieldError, ValidationFailedError, DomainError } from '../../common/errors/domain-error';
import { maskPatterns } from '../../common/sanitize/patterns';
import { isScope, Scope, SCOPES } from '../../common/http/scopes';
import { generateApiKey } from './api-key';
import { ApiKeyEntity } from './api-key.entity';
import { ApiKeyRepository } from './api-key.repository';

export interface NewApiKey {
  name: unknown;
  scopes: unknown;
  models?: unknown;
}

// a label, not a person: no '@', and nothing the PII patterns would mask (see validate)
const NAME = /^[\p{L}\p{N} ._:/-]{1,100}$/u;
const MODEL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * Creating, listing and revoking keys: shared by the admin endpoint and the CLI, so both apply
 * the same rules. The plain key leaves this class once, in the result of `create`.
 */
@Injectable()
export class ApiKeyService {
  constructor(private readonly repository: ApiKeyRepository) {}

  async create(input: NewApiKey, now = new Date()): Promise<{ key: string; record: ApiKeyEntity }> {
    const { name, scopes, models } = validate(input);
    const generated = generateApiKey();
    const record: ApiKeyEntity = {
      id: generated.id,
      name,
      secretHash: generated.hash,
      scopes,
      models,
      createdAt: now,
      revokedAt: null,
    };
    await this.repository.insert(record);
    return { key: generated.key, record };
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.repository.list();
  }

  async revoke(id: string, now = new Date()): Promise<ApiKeyEntity> {
    if (!/^[0-9a-f]{12}$/.test(id) || !(await this.repository.revoke(id, now))) {
      throw new DomainError('not_found', `No API key with id "${id.slice(0, 40)}"`);
    }
    return (await this.repository.find(id))!;
  }
}

function validate(input: NewApiKey): { name: string; scopes: Scope[]; models: string[] | null } {
  const errors: FieldError[] = [];
  const { name, scopes, models } = input;
  if (typeof name !== 'string' || !NAME.test(name)) {
    errors.push({ field: 'name', message: 'must be 1-100 letters, digits, spaces or ._:/-' });
  } else if (maskPatterns(name) !== name) {
    errors.push({ field: 'name', message: 'must not look like a phone or card number' });
  }
  if (!Array.isArray(scopes) || scopes.length === 0 || !scopes.every(isScope)) {
    errors.push({ field: 'scopes', message: `must be a non-empty list of ${SCOPES.join(', ')}` });
  }
  const restricted = models !== undefined && models !== null;
  if (
    restricted &&
    (!Array.isArray(models) ||
      models.length === 0 ||
      models.length > 100 ||
      !models.every((m) => typeof m === 'string' && MODEL.test(m)))
  ) {
    errors.push({
      field: 'models',
      message: 'must be a non-empty list of model names (or absent: every model)',
    });
  }
  if (errors.length > 0) throw new ValidationFailedError(errors);
  return {
    name: name as string,
    scopes: [...new Set(scopes as Scope[])],
    models: restricted ? [...new Set(models as string[])] : null,
  };
}
