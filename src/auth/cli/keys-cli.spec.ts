import { ApiKeyEntity } from '../keys/api-key.entity';
import { ApiKeyRepository } from '../keys/api-key.repository';
import { ApiKeyService } from '../keys/api-key.service';
import { runCommand } from './keys-cli';

class MemoryKeys extends ApiKeyRepository {
  readonly rows: ApiKeyEntity[] = [];
  async insert(key: ApiKeyEntity): Promise<void> {
    this.rows.push(key);
  }
  async list(): Promise<ApiKeyEntity[]> {
    return this.rows;
  }
  async find(id: string): Promise<ApiKeyEntity | undefined> {
    return this.rows.find((r) => r.id === id);
  }
  async revoke(id: string, at: Date): Promise<boolean> {
    const row = this.rows.find((r) => r.id === id);
    if (row) row.revokedAt ??= at;
    return row !== undefined;
  }
}

describe(runCommand.name, () => {
  const service = new ApiKeyService(new MemoryKeys());
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCommand(service, argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
  };

  it('prints only the key on stdout for create, and lists and revokes by id', async () => {
    const created = await run('create', '--name', 'ci', '--scopes', 'predict, read', '--models', 'loan-risk');
    expect(created.code).toBe(0);
    expect(created.out).toEqual([expect.stringMatching(/^sl_[0-9a-f]{12}_/)]);
    const id = created.out[0].slice(3, 15);
    expect(created.err.join('\n')).toContain(`created API key ${id} "ci": scopes predict,read; loan-risk`);

    const listed = await run('list', '--json');
    expect(JSON.parse(listed.out[0])).toEqual([
      expect.objectContaining({
        id,
        name: 'ci',
        scopes: ['predict', 'read'],
        models: ['loan-risk'],
        revoked_at: null,
      }),
    ]);
    expect(listed.out.join()).not.toContain(created.out[0]);
    expect((await run('revoke', id)).code).toBe(0);
    expect((await run('list')).out[1]).toMatch(new RegExp(`^${id}\\tci\\t.*\\trevoked `));
  });

  it('exits 2 with the field problem or the usage, and 1 for an unknown id', async () => {
    expect(await run('create', '--name', 'x')).toMatchObject({
      code: 2,
      err: ['--scopes: must be a non-empty list of predict, feedback, read, admin'],
    });
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('revoke')).code).toBe(2);
    expect(await run('revoke', 'ffffffffffff')).toMatchObject({
      code: 1,
      err: ['No API key with id "ffffffffffff"'],
    });
  });
});
