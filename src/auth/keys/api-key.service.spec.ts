import { ValidationFailedError } from '../../common/errors/domain-error';
import { ApiKeyEntity } from './api-key.entity';
import { ApiKeyRepository } from './api-key.repository';
import { ApiKeyService } from './api-key.service';

class MemoryKeys extends ApiKeyRepository {
  readonly rows = new Map<string, ApiKeyEntity>();
  async insert(key: ApiKeyEntity): Promise<void> {
    this.rows.set(key.id, { ...key });
  }
  async list(): Promise<ApiKeyEntity[]> {
    return [...this.rows.values()];
  }
  async find(id: string): Promise<ApiKeyEntity | undefined> {
    return this.rows.get(id);
  }
  async revoke(id: string, at: Date): Promise<boolean> {
    const row = this.rows.get(id);
    if (row && !row.revokedAt) row.revokedAt = at;
    return row !== undefined;
  }
}

describe(ApiKeyService.name, () => {
  const repository = new MemoryKeys();
  const service = new ApiKeyService(repository);

  it('stores the hash, never the key, and deduplicates scopes and models', async () => {
    const { key, record } = await service.create({
      name: 'svc:checkout',
      scopes: ['predict', 'predict'],
      models: ['loan-risk'],
    });
    expect(record).toMatchObject({
      name: 'svc:checkout',
      scopes: ['predict'],
      models: ['loan-risk'],
      revokedAt: null,
    });
    expect(JSON.stringify([...repository.rows.values()])).not.toContain(key);
  });

  it.each([
    [{ name: '', scopes: ['read'] }, 'name'],
    [{ name: 'jane@example.com', scopes: ['read'] }, 'name'],
    [{ name: '4111 1111 1111 1111', scopes: ['read'] }, 'name'],
    [{ name: 'x', scopes: [] }, 'scopes'],
    [{ name: 'x', scopes: ['root'] }, 'scopes'],
    [{ name: 'x', scopes: 'read' }, 'scopes'],
    [{ name: 'x', scopes: ['read'], models: [] }, 'models'],
    [{ name: 'x', scopes: ['read'], models: ['../etc'] }, 'models'],
  ])('rejects %j naming %s', async (input, field) => {
    const error = await service.create(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect((error as ValidationFailedError).errors.map((e) => e.field)).toEqual([field]);
  });

  it('revokes once and keeps the row; an unknown id is not found', async () => {
    const { record } = await service.create({ name: 'temp', scopes: ['read'] });
    const revoked = await service.revoke(record.id, new Date('2026-01-01T00:00:00Z'));
    expect(revoked.revokedAt).toEqual(new Date('2026-01-01T00:00:00Z'));
    expect((await service.revoke(record.id)).revokedAt).toEqual(new Date('2026-01-01T00:00:00Z'));
    await expect(service.revoke('000000000000')).rejects.toMatchObject({ code: 'not_found' });
    await expect(service.revoke('not an id')).rejects.toMatchObject({ code: 'not_found' });
  });
});
