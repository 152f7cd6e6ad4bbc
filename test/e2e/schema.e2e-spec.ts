import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { createTestDatabase } from '../utils/test-database';

/** The migrations, run on an empty database, produce exactly the schema the entities describe. */
describe('schema (e2e)', () => {
  it('has no drift between entities and migrations', async () => {
    const db = await createTestDatabase();
    const ds = new DataSource(dataSourceOptions(db.url));
    try {
      await ds.initialize();
      const applied = await ds.runMigrations({ transaction: 'each' });
      expect(applied.length).toBeGreaterThan(0);
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      // and every migration can be rolled back
      for (let i = 0; i < applied.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      const tables = await ds.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'sightline_migrations'`,
      );
      expect(tables).toEqual([]);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await db.drop();
    }
  });
});
