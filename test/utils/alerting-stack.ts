import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAlertWebhook, WebhookAlert } from '../../scripts/alert-webhook';
import { testAlertmanagerConfig, testPrometheusConfig, testRules } from './alerting-test-configs';
import { ensureBuilt, freePort, ManagedProcess, PrometheusApi, waitFor } from './live-stack';
import { ROOT } from './observability-files';
import { alertmanager, prometheus } from './prom-tools';
import { createTestDatabase } from './test-database';
import { SERVER_ARGS } from '../../scripts/lib/server-args';

export interface ReceivedAlert extends WebhookAlert {
  receiver: string;
}

/** The built app, Prometheus and Alertmanager on loopback, and the webhook receiver they notify. */
export interface AlertingStack {
  appUrl: string;
  app: ManagedProcess;
  prom: PrometheusApi;
  /** Every alert of every notification, in the order received. */
  notifications: ReceivedAlert[];
  stop(): Promise<void>;
}

const ready = (url: string) => async () => ((await fetch(url)).ok ? true : undefined);

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * Starts everything with test copies of the repo's configs (see alerting-test-configs.ts); `appEnv`
 * adds to the app's environment. Whatever started is stopped again if a later step fails.
 */
export async function startAlertingStack(
  appEnv: Record<string, string>,
  latencyObjectiveSeconds?: number,
): Promise<AlertingStack> {
  if (!prometheus.path || !alertmanager.path) throw new Error('prometheus and alertmanager are required');
  const cleanup: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const step of cleanup.reverse()) await step();
  };
  const processes: ManagedProcess[] = [];
  try {
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'sightline-alerts-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));

    const notifications: ReceivedAlert[] = [];
    const webhook = createAlertWebhook((body) => {
      for (const a of body.alerts) notifications.push({ ...a, receiver: body.receiver });
    });
    const webhookPort = await listen(webhook);
    cleanup.push(() => close(webhook));
    // traces have to be on for exemplars; this sink takes the OTLP export and forgets it
    const sink = createServer((req, res) => req.resume().on('end', () => res.end('{}')));
    const otlpPort = await listen(sink);
    cleanup.push(() => close(sink));

    const db = await createTestDatabase();
    cleanup.push(db.drop);
    const appPort = await freePort();
    mkdirSync(join(dir, 'journal'));
    const app = new ManagedProcess('sightline', process.execPath, [...SERVER_ARGS], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(appPort),
        DATABASE_URL: db.url,
        MODELS_DIR: join(ROOT, 'models'),
        LOG_LEVEL: 'warn',
        SANITIZE_HMAC_KEY: 'test-hmac-key-0123456789',
        PREDICTION_LOG_FLUSH_INTERVAL_MS: '50',
        PREDICTION_LOG_JOURNAL_DIR: join(dir, 'journal'),
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${otlpPort}`,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        ...appEnv,
      },
    });
    processes.push(app);
    cleanup.push(() => app.stop());
    const appUrl = `http://127.0.0.1:${appPort}`;
    await waitFor('the app to be ready', ready(`${appUrl}/health/ready`), 60_000);

    const amPort = await freePort();
    writeFileSync(
      join(dir, 'alertmanager.yml'),
      testAlertmanagerConfig(`http://127.0.0.1:${webhookPort}/alerts`),
    );
    const am = new ManagedProcess('alertmanager', alertmanager.path, [
      `--config.file=${join(dir, 'alertmanager.yml')}`,
      `--storage.path=${join(dir, 'alertmanager')}`,
      `--web.listen-address=127.0.0.1:${amPort}`,
      // no gossip port: a single instance on loopback
      '--cluster.listen-address=',
      '--log.level=warn',
    ]);
    processes.push(am);
    cleanup.push(() => am.stop());

    const promPort = await freePort();
    const ruleFile = join(dir, 'sightline.rules.yml');
    writeFileSync(ruleFile, testRules('2s', latencyObjectiveSeconds));
    writeFileSync(
      join(dir, 'prometheus.yml'),
      testPrometheusConfig({ appPort, alertmanagerPort: amPort, ruleFile }),
    );
    const promProcess = new ManagedProcess('prometheus', prometheus.path, [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'prometheus')}`,
      `--web.listen-address=127.0.0.1:${promPort}`,
      '--enable-feature=exemplar-storage',
      // firing alerts are re-sent every second, not every minute: Alertmanager's view never lags the rules
      '--rules.alert.resend-delay=1s',
      '--log.level=warn',
    ]);
    processes.push(promProcess);
    cleanup.push(() => promProcess.stop());
    const prom = new PrometheusApi(`http://127.0.0.1:${promPort}`);

    await waitFor('alertmanager to be ready', ready(`http://127.0.0.1:${amPort}/-/ready`), 30_000);
    await waitFor('prometheus to be ready', ready(`http://127.0.0.1:${promPort}/-/ready`), 30_000);
    await waitFor(
      'Prometheus to scrape the app',
      async () => ((await prom.targets()).activeTargets.some((t) => t.health === 'up') ? true : undefined),
      30_000,
    );
    return { appUrl, app, prom, notifications, stop };
  } catch (err) {
    const output = processes.map((p) => p.tail()).join('\n');
    await stop();
    throw new Error(`${(err as Error).message}\n${output}`, { cause: err });
  }
}
