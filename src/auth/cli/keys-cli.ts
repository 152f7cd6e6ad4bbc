import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { DomainError, ValidationFailedError } from '../../common/errors/domain-error';
import { dataSourceOptions } from '../../database/data-source-options';
import { ApiKeyEntity } from '../keys/api-key.entity';
import { TypeOrmApiKeyRepository } from '../keys/api-key.repository';
import { ApiKeyService } from '../keys/api-key.service';

export const USAGE = `usage: sightline keys <command>   (or npm run keys -- <command>)
  create --name <name> --scopes <predict,feedback,read,admin> [--models <m1,m2>] [--json]
  list [--json]
  revoke <id>
Uses DATABASE_URL and applies pending migrations first, as the server does at start-up.`;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

function options(args: string[]): Map<string, string | true> {
  const parsed = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    if (!args[i].startsWith('--')) continue;
    const next = args[i + 1];
    parsed.set(args[i].slice(2), next !== undefined && !next.startsWith('--') ? args[++i] : true);
  }
  return parsed;
}

const list = (value: string | true | undefined) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

function describe(key: ApiKeyEntity): string {
  const models = key.models ? key.models.join(',') : '*';
  const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active';
  return [key.id, key.name, key.scopes.join(','), models, key.createdAt.toISOString(), state].join('\t');
}

const asJson = (key: ApiKeyEntity) => ({
  id: key.id,
  name: key.name,
  scopes: key.scopes,
  models: key.models,
  created_at: key.createdAt.toISOString(),
  revoked_at: key.revokedAt?.toISOString() ?? null,
});

/** The commands, given a service: separate from the database plumbing so they are easy to test. */
export async function runCommand(service: ApiKeyService, argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  const opts = options(rest);
  try {
    if (command === 'create') {
      const { key, record } = await service.create({
        name: opts.get('name'),
        scopes: list(opts.get('scopes')),
        models: list(opts.get('models')),
      });
      if (opts.has('json')) {
        io.out(JSON.stringify({ ...asJson(record), key }));
      } else {
        // the key alone on stdout, so KEY=$(npm run -s keys -- create ...) works
        const models = record.models ? record.models.join(',') : 'every model';
        io.err(`created API key ${record.id} "${record.name}": scopes ${record.scopes.join(',')}; ${models}`);
        io.err('store it now: it is not shown again, only its SHA-256 is kept');
        io.out(key);
      }
      return 0;
    }
    if (command === 'list') {
      const keys = await service.list();
      if (opts.has('json')) io.out(JSON.stringify(keys.map(asJson)));
      else
        for (const line of ['id\tname\tscopes\tmodels\tcreated\tstate', ...keys.map(describe)]) io.out(line);
      return 0;
    }
    if (command === 'revoke' && rest[0] && !rest[0].startsWith('--')) {
      io.err(`revoked: ${describe(await service.revoke(rest[0]))}`);
      return 0;
    }
    io.err(USAGE);
    return 2;
  } catch (err) {
    if (err instanceof ValidationFailedError) {
      for (const e of err.errors) io.err(`--${e.field}: ${e.message}`);
      return 2;
    }
    if (err instanceof DomainError) {
      io.err(err.message);
      return 1;
    }
    throw err;
  }
}

/** Entry point of `sightline keys` with DATABASE_URL (src/cli/commands/keys.ts). */
export async function main(argv: string[]): Promise<number> {
  const io: Io = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };
  const url = process.env.DATABASE_URL;
  if (!url) {
    io.err('DATABASE_URL is required, e.g. postgres://postgres@127.0.0.1:5432/sightline');
    return 2;
  }
  if (!['create', 'list', 'revoke'].includes(argv[0])) {
    io.err(USAGE);
    return 2;
  }
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    return await runCommand(new ApiKeyService(new TypeOrmApiKeyRepository(dataSource)), argv, io);
  } finally {
    await dataSource.destroy();
  }
}

// `node dist/src/auth/cli/keys-cli.js list` works where scripts/ is not shipped (the container image)
if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: Error) => {
      process.stderr.write(`keys: ${err.message}\n`);
      process.exit(1);
    },
  );
}
