import 'reflect-metadata';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/app-config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`sightline: configuration error: ${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
  const app = await createApp(config);
  await app.listen({ port: config.port, host: config.host });
  process.stdout.write(
    JSON.stringify({ level: 'info', msg: `sightline listening on ${config.host}:${config.port}` }) + '\n',
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`sightline: failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
