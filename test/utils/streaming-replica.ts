import { ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from './app-process';
import { serverUrl } from './test-database';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// serialises edits of the primary's pg_hba.conf between test runs sharing the server
const HBA_LOCK = 7_358_716_400;
const MARKER = '# sightline-test-replica';
const PREFIX = 'sightline_repl_';

/** Where the server binaries of one PostgreSQL major live (Debian's layout). */
export function postgresBinDir(major: number): string {
  const dir = `/usr/lib/postgresql/${major}/bin`;
  if (!existsSync(join(dir, 'pg_basebackup')) || !existsSync(join(dir, 'postgres'))) {
    throw new Error(
      `the read-replica test needs PostgreSQL ${major}'s pg_basebackup and postgres (the server at ` +
        `DATABASE_URL is ${major}): sudo apt-get install -y postgresql-${major}`,
    );
  }
  return dir;
}

/** As root the server must run as `postgres`; otherwise as whoever runs the tests. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

async function withAdmin<T>(work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: serverUrl() });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** Rewrites the primary's pg_hba.conf through the server itself (it owns the file), then reloads. */
async function editHba(c: Client, edit: (lines: string[]) => string[]): Promise<void> {
  await c.query('SELECT pg_advisory_lock($1)', [HBA_LOCK]);
  try {
    const [{ file }] = (await c.query('SELECT current_setting($1) AS file', ['hba_file'])).rows;
    const [{ text }] = (await c.query('SELECT pg_read_file($1) AS text', [file])).rows;
    const next = edit((text as string).split('\n')).join('\n');
    const [{ oid }] = (await c.query('SELECT lo_from_bytea(0, convert_to($1, $2)) AS oid', [next, 'UTF8']))
      .rows;
    try {
      await c.query('SELECT lo_export($1, $2)', [oid, file]);
    } finally {
      await c.query('SELECT lo_unlink($1)', [oid]);
    }
    await c.query('SELECT pg_reload_conf()');
  } finally {
    await c.query('SELECT pg_advisory_unlock($1)', [HBA_LOCK]);
  }
}

/** Removes the replication roles, slots and pg_hba.conf lines of `roles`. */
async function dropReplication(c: Client, roles: string[]): Promise<void> {
  if (roles.length === 0) return;
  await editHba(c, (lines) => lines.filter((l) => !roles.some((role) => l.includes(`${MARKER} ${role}`))));
  // the walsender of a standby killed hard can outlive it for a moment
  await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_replication WHERE usename = ANY($1)', [roles]);
  for (let i = 0; i < 50; i++) {
    const { rowCount } = await c.query(
      'SELECT 1 FROM pg_replication_slots WHERE slot_name = ANY($1) AND active',
      [roles],
    );
    if (rowCount === 0) break;
    await sleep(100);
  }
  await c.query(
    'SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ANY($1)',
    [roles],
  );
  for (const role of roles) await c.query(`DROP ROLE IF EXISTS ${role}`);
}

/**
 * A run killed before its cleanup leaves a slot that would hold WAL on the primary for ever: any
 * role or slot of ours older than an hour and not streaming is removed.
 */
async function clearAbandoned(c: Client): Promise<void> {
  const { rows } = await c.query(
    `SELECT name FROM (SELECT rolname AS name FROM pg_roles UNION
       SELECT slot_name FROM pg_replication_slots WHERE NOT active) AS ours
     WHERE name LIKE $1 AND split_part(substr(name, $2), '_', 1)::bigint < extract(epoch FROM now()) - 3600
       AND name NOT IN (SELECT slot_name FROM pg_replication_slots WHERE active)`,
    [`${PREFIX}%`, PREFIX.length + 1],
  );
  await dropReplication(
    c,
    rows.map((r: { name: string }) => r.name),
  );
}

export interface StreamingReplica {
  port: number;
  /** `database` on the replica, read-only. */
  url(database: string): string;
  /** Runs SQL on the replica (as the superuser, in `database`). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], database?: string): Promise<T[]>;
  stop(): Promise<void>;
}

/**
 * A real hot standby of the server at DATABASE_URL: a replication role and a pg_hba.conf line of
 * its own on the primary, `pg_basebackup` into a temporary directory, and a second `postgres` on a
 * free loopback port streaming from the primary. `stop` undoes all of it, also after a failure.
 */
export async function startStreamingReplica(): Promise<StreamingReplica> {
  const primary = new URL(serverUrl());
  // the name carries its start time, so a later run can clear what a killed one left behind
  const role = `${PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(3).toString('hex')}`;
  const settings = await withAdmin(async (c) => {
    const { rows } = await c.query(`SELECT name, setting FROM pg_settings WHERE name = ANY($1)`, [
      [
        'server_version_num',
        'wal_level',
        'max_wal_senders',
        'max_connections',
        'max_worker_processes',
        'max_prepared_transactions',
        'max_locks_per_transaction',
      ],
    ]);
    return Object.fromEntries(rows.map((r: { name: string; setting: string }) => [r.name, r.setting]));
  });
  if (settings.wal_level === 'minimal' || Number(settings.max_wal_senders) === 0) {
    throw new Error('the primary needs wal_level=replica and max_wal_senders > 0 for a streaming replica');
  }
  const bin = postgresBinDir(Math.floor(Number(settings.server_version_num) / 10000));
  const user = serverUser();
  const dir = mkdtempSync(join(tmpdir(), 'sightline-replica-'));
  const data = join(dir, 'data');
  let child: ChildProcess | undefined;
  let output = '';
  const cleanup = async (): Promise<void> => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGINT'); // fast shutdown
      const stuck = setTimeout(() => child!.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(stuck);
    }
    await withAdmin((c) => dropReplication(c, [role]));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await withAdmin(async (c) => {
      await clearAbandoned(c);
      await c.query(`CREATE ROLE ${role} WITH REPLICATION LOGIN`);
      await editHba(c, (lines) => [
        `host replication ${role} 127.0.0.1/32 trust ${MARKER} ${role}`,
        ...lines,
      ]);
    });
    if (user) chownSync(dir, user.uid, user.gid);
    const asServer = user ? { uid: user.uid, gid: user.gid } : {};
    await run(
      join(bin, 'pg_basebackup'),
      [
        '-h',
        '127.0.0.1',
        '-p',
        primary.port || '5432',
        '-U',
        role,
        '-D',
        data,
        '-X',
        'stream',
        '-R',
        // a slot keeps the WAL the standby still needs: a busy primary recycles it in seconds
        '-C',
        '-S',
        role,
        '-c',
        'fast',
      ],
      { ...asServer, env: { PATH: process.env.PATH ?? '' } },
    );
    const port = await freePort();
    // Debian keeps the configuration outside the data directory: the standby gets its own
    const conf = [
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${dir}'`,
      'hot_standby = on',
      'hot_standby_feedback = on',
      'shared_buffers = 16MB',
      'logging_collector = off',
      // a hot standby refuses to start with less of these than its primary has
      ...[
        'max_connections',
        'max_worker_processes',
        'max_prepared_transactions',
        'max_locks_per_transaction',
      ].map((name) => `${name} = ${settings[name]}`),
      `max_wal_senders = ${settings.max_wal_senders}`,
    ];
    writeFileSync(join(data, 'postgresql.conf'), conf.join('\n') + '\n');
    writeFileSync(join(data, 'pg_hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 trust\n');
    writeFileSync(join(data, 'pg_ident.conf'), '');
    if (user)
      for (const f of ['postgresql.conf', 'pg_hba.conf', 'pg_ident.conf'])
        chownSync(join(data, f), user.uid, user.gid);
    child = spawn(join(bin, 'postgres'), ['-D', data], { ...asServer, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const replicaUrl = (database: string) =>
      `postgres://${encodeURIComponent(primary.username || 'postgres')}@127.0.0.1:${port}/${database}`;
    const query = async <T>(sql: string, params: unknown[] = [], database = 'postgres'): Promise<T[]> => {
      const c = new Client({ connectionString: replicaUrl(database) });
      await c.connect();
      try {
        return (await c.query(sql, params)).rows as T[];
      } finally {
        await c.end();
      }
    };
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error(`the replica exited:\n${output.slice(-3000)}`);
      const streaming = await query<{ status: string }>('SELECT status FROM pg_stat_wal_receiver').catch(
        () => [],
      );
      if (streaming[0]?.status === 'streaming') break;
      if (i > 300) throw new Error(`the replica did not start streaming:\n${output.slice(-3000)}`);
      await sleep(100);
    }
    return { port, url: replicaUrl, query, stop: cleanup };
  } catch (err) {
    await cleanup().catch(() => undefined);
    throw err;
  }
}
