import type { Sightline } from '../../../clients/typescript/src';
import { main as keysOnDatabase } from '../../auth/cli/keys-cli';
import { Context, UsageError } from '../cli';

export const KEYS_OPTIONS = {
  name: { type: 'string' },
  scopes: { type: 'string' },
  models: { type: 'string' },
} as const;

export const KEYS_USAGE = `usage: sightline keys create --name <name> --scopes <predict,feedback,read,admin> [--models <m1,m2>]
       sightline keys list
       sightline keys revoke <id>
With DATABASE_URL set (and no --url) the keys are made in the database directly, which is how the
first key is made; otherwise through the admin API of --url / SIGHTLINE_URL with an admin key.`;

// the server checks each scope and says which is unknown
type Scopes = Parameters<Sightline['createKey']>[0]['scopes'];

const list = (v: string | undefined) =>
  v
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export async function keys(c: Context, argv: string[]): Promise<number> {
  const [action, id] = c.args.positionals;
  if (c.io.env.DATABASE_URL && c.string('url') === undefined) return keysOnDatabase(argv);
  const client = c.client();
  if (action === 'create') {
    const created = await client.createKey({
      name: c.string('name') ?? '',
      scopes: (list(c.string('scopes')) ?? []) as Scopes,
      models: list(c.string('models')),
    });
    // the key alone on stdout, so KEY=$(sightline keys create ...) works
    if (!c.json)
      c.io.err(`created API key ${created.id} "${created.name}": store it now, it is not shown again`);
    c.print(created, () => [created.key]);
    return 0;
  }
  if (action === 'list') {
    const { keys: all } = await client.keys();
    c.print(all, () => [
      'id\tname\tscopes\tmodels\tcreated\tstate',
      ...all.map((k) =>
        [
          k.id,
          k.name,
          k.scopes.join(','),
          k.models?.join(',') ?? '*',
          k.created_at,
          k.revoked_at ? `revoked ${k.revoked_at}` : 'active',
        ].join('\t'),
      ),
    ]);
    return 0;
  }
  if (action === 'revoke' && id) {
    const revoked = await client.revokeKey(id);
    c.print(revoked, () => [`revoked ${revoked.id} "${revoked.name}"`]);
    return 0;
  }
  throw new UsageError('keys create|list|revoke');
}
