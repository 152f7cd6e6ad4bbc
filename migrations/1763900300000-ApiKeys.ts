import { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys, stored as SHA-256 hashes; scopes and an optional model restriction per key. */
export class ApiKeys1763900300000 implements MigrationInterface {
  name = 'ApiKeys1763900300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "api_key" (
        "id" text NOT NULL,
        "name" text NOT NULL,
        "secret_hash" text NOT NULL,
        "scopes" text array NOT NULL,
        "models" text array,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_api_key" PRIMARY KEY ("id")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "api_key"`);
  }
}
