import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { ApiKeyEntity } from './api-key.entity';

/** Port for the key table; the key service, the key cache and the CLI depend on this. */
export abstract class ApiKeyRepository {
  abstract insert(key: ApiKeyEntity): Promise<void>;
  /** Every key, revoked ones included, oldest first. */
  abstract list(): Promise<ApiKeyEntity[]>;
  abstract find(id: string): Promise<ApiKeyEntity | undefined>;
  /** Sets revoked_at unless already set; false when no such key exists. */
  abstract revoke(id: string, at: Date): Promise<boolean>;
}

@Injectable()
export class TypeOrmApiKeyRepository extends ApiKeyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async insert(key: ApiKeyEntity): Promise<void> {
    await this.dataSource.getRepository(ApiKeyEntity).insert(key);
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.dataSource.getRepository(ApiKeyEntity).find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async find(id: string): Promise<ApiKeyEntity | undefined> {
    return (await this.dataSource.getRepository(ApiKeyEntity).findOneBy({ id })) ?? undefined;
  }

  async revoke(id: string, at: Date): Promise<boolean> {
    const repository = this.dataSource.getRepository(ApiKeyEntity);
    await repository.update({ id, revokedAt: IsNull() }, { revokedAt: at });
    return (await repository.existsBy({ id })) === true;
  }
}
