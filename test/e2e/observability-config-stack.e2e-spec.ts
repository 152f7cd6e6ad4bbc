import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dashboards, readYaml, ROOT } from '../utils/observability-files';
import { SERVER_ARGS } from '../../scripts/lib/server-args';

// Docker cannot run here, so docker-compose.yml and the configs it mounts are checked by reading
// them: every file a service mounts exists, and every host, port and URL one side names is what the
// other side listens on.

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  working_dir?: string;
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  depends_on?: string[] | Record<string, unknown>;
}
interface Compose {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
}
interface Datasource {
  name: string;
  uid: string;
  type: string;
  url: string;
  jsonData?: { exemplarTraceIdDestinations?: { name: string; datasourceUid: string }[] };
}
interface Endpoint {
  endpoint: string;
}

const compose = readYaml<Compose>('docker-compose.yml');
const service = (name: string): Service => {
  const s = compose.services[name];
  if (!s) throw new Error(`docker-compose.yml has no service "${name}"`);
  return s;
};

/** Where a service mounts a repo path (`./prometheus` → `/etc/prometheus`). */
function mountOf(name: string, source: string): string {
  const entry = (service(name).volumes ?? []).find((v) => v.split(':')[0] === source);
  if (!entry) throw new Error(`${name} does not mount ${source}`);
  return entry.split(':')[1];
}

function flag(name: string, prefix: string): string {
  const arg = (service(name).command ?? []).find((a) => a.startsWith(prefix));
  if (!arg) throw new Error(`${name} has no ${prefix} argument`);
  return arg.slice(prefix.length);
}

const hostPort = (address: string): string => {
  const url = new URL(address.includes('://') ? address : `tcp://${address}`);
  return `${url.hostname}:${url.port}`;
};
const portOf = (endpoint: string): number => Number(endpoint.split(':').pop());

const tempo = readYaml<{
  server: { http_listen_port: number };
  distributor: { receivers: { otlp: { protocols: { grpc: Endpoint } } } };
}>('tempo/tempo.yaml');
const collector = readYaml<{
  receivers: { otlp: { protocols: { grpc: Endpoint; http: Endpoint } } };
  exporters: Record<string, Endpoint>;
  service: { pipelines: { traces: { receivers: string[]; exporters: string[] } } };
}>('otel/collector.yaml');
const webhookPort = Number(service('alert-webhook').environment?.PORT);

/** What each service listens on inside the compose network, read from its own config. */
const LISTENS: Record<string, number[]> = {
  app: [Number(service('app').environment?.PORT)],
  postgres: [5432],
  prometheus: [9090],
  alertmanager: [9093],
  grafana: [3000],
  tempo: [tempo.server.http_listen_port, portOf(tempo.distributor.receivers.otlp.protocols.grpc.endpoint)],
  'otel-collector': [
    portOf(collector.receivers.otlp.protocols.grpc.endpoint),
    portOf(collector.receivers.otlp.protocols.http.endpoint),
  ],
  'alert-webhook': [webhookPort],
};

function expectReachable(from: string, address: string): void {
  const [host, port] = hostPort(address).split(':');
  expect({ from, address, service: host in compose.services }).toEqual({ from, address, service: true });
  expect({ from, address, listens: LISTENS[host] ?? [] }).toEqual({
    from,
    address,
    listens: expect.arrayContaining([Number(port)]),
  });
}

describe('observability config: the docker compose stack', () => {
  it('mounts only files that exist and depends only on services that exist', () => {
    for (const [name, s] of Object.entries(compose.services)) {
      for (const v of s.volumes ?? []) {
        const source = v.split(':')[0];
        if (source.startsWith('.'))
          expect({ name, source, exists: existsSync(join(ROOT, source)) }).toEqual({
            name,
            source,
            exists: true,
          });
        else expect(Object.keys(compose.volumes)).toContain(source);
      }
      const deps = Array.isArray(s.depends_on) ? s.depends_on : Object.keys(s.depends_on ?? {});
      for (const d of deps) expect(Object.keys(compose.services)).toContain(d);
      // a published port maps to one the service listens on
      for (const p of s.ports ?? []) expect(LISTENS[name]).toContain(Number(p.split(':')[1]));
    }
  });

  it('builds the app from a Dockerfile whose sources exist and runs the built server with tracing', () => {
    expect(service('app').build).toBe('.');
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const copied = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1].split(/\s+/));
    expect(copied.length).toBeGreaterThan(4);
    for (const source of copied)
      expect({ source, exists: existsSync(join(ROOT, source)) }).toEqual({ source, exists: true });
    // the same command as `npm start`
    expect(dockerfile).toContain(`CMD ${JSON.stringify(['node', ...SERVER_ARGS])}`.replace(/","/g, '", "'));
    for (const f of ['src/instrumentation.ts', 'src/main.ts']) expect(existsSync(join(ROOT, f))).toBe(true);
  });

  it('points the app at the compose Postgres, with matching credentials', () => {
    const pg = service('postgres').environment ?? {};
    const url = new URL(service('app').environment?.DATABASE_URL ?? '');
    expect([url.hostname, url.port, url.username, url.password, url.pathname]).toEqual([
      'postgres',
      '5432',
      pg.POSTGRES_USER,
      pg.POSTGRES_PASSWORD,
      `/${pg.POSTGRES_DB}`,
    ]);
  });

  it('runs Prometheus on the repo config with exemplar storage, scraping and alerting services that exist', () => {
    const dir = mountOf('prometheus', './prometheus');
    expect(flag('prometheus', '--config.file=')).toBe(`${dir}/prometheus.yml`);
    expect(service('prometheus').command).toContain('--enable-feature=exemplar-storage');
    const prom = readYaml<{
      rule_files: string[];
      alerting: { alertmanagers: { static_configs: { targets: string[] }[] }[] };
      scrape_configs: { job_name: string; metrics_path?: string; static_configs: { targets: string[] }[] }[];
    }>('prometheus/prometheus.yml');
    expect(prom.rule_files).toEqual(['rules/*.yml']);
    expect(existsSync(join(ROOT, 'prometheus', 'rules', 'sightline.yml'))).toBe(true);
    for (const am of prom.alerting.alertmanagers.flatMap((a) => a.static_configs.flatMap((c) => c.targets))) {
      expectReachable('prometheus alerting', am);
    }
    const app = prom.scrape_configs.find((j) => j.job_name === 'sightline');
    expect(app?.metrics_path).toBe('/metrics');
    for (const job of prom.scrape_configs) {
      for (const target of job.static_configs.flatMap((c) => c.targets)) {
        if (target.startsWith('localhost:')) expect(LISTENS.prometheus).toContain(portOf(target));
        else expectReachable(`scrape job ${job.job_name}`, target);
      }
    }
  });

  it('runs Alertmanager on the repo config, notifying the webhook service', () => {
    expect(flag('alertmanager', '--config.file=')).toBe(
      mountOf('alertmanager', './prometheus/alertmanager.yml'),
    );
    const am = readYaml<{ receivers: { webhook_configs?: { url: string }[] }[] }>(
      'prometheus/alertmanager.yml',
    );
    const urls = am.receivers.flatMap((r) => (r.webhook_configs ?? []).map((w) => w.url));
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expectReachable('alertmanager webhook', url);
    expect(service('alert-webhook').command).toEqual([
      'node',
      `${mountOf('alert-webhook', './scripts')}/alert-webhook.js`,
    ]);
  });

  it('sends traces app → collector → Tempo over OTLP', () => {
    const env = service('app').environment ?? {};
    expectReachable('app OTLP exporter', env.OTEL_EXPORTER_OTLP_ENDPOINT);
    expect(portOf(env.OTEL_EXPORTER_OTLP_ENDPOINT)).toBe(
      portOf(collector.receivers.otlp.protocols.http.endpoint),
    );
    expect(env.OTEL_EXPORTER_OTLP_PROTOCOL).toBe('http/protobuf');
    expect(flag('otel-collector', '--config=')).toBe(mountOf('otel-collector', './otel/collector.yaml'));
    const { traces } = collector.service.pipelines;
    expect(traces.receivers).toEqual(['otlp']);
    for (const name of traces.exporters)
      expectReachable(`collector exporter ${name}`, collector.exporters[name].endpoint);
    expect(flag('tempo', '-config.file=')).toBe(mountOf('tempo', './tempo/tempo.yaml'));
  });

  it('provisions Grafana with Prometheus, Tempo and exemplar links, and loads the dashboards', () => {
    const provisioning = mountOf('grafana', './grafana/provisioning');
    expect(provisioning).toBe('/etc/grafana/provisioning');
    const { datasources } = readYaml<{ datasources: Datasource[] }>(
      'grafana/provisioning/datasources/datasources.yml',
    );
    const byType = (type: string) => datasources.find((d) => d.type === type) as Datasource;
    for (const d of datasources) expectReachable(`grafana data source ${d.name}`, d.url);
    const tempoDs = byType('tempo');
    // the exemplar label the app writes (docs/metrics.md: "exemplars carry `trace_id`")
    expect(readFileSync(join(ROOT, 'docs', 'metrics.md'), 'utf8')).toContain('exemplars carry `trace_id`');
    expect(byType('prometheus').jsonData?.exemplarTraceIdDestinations).toEqual([
      { name: 'trace_id', datasourceUid: tempoDs.uid },
    ]);
    // dashboards select their data source through a variable defaulting to the provisioned uid
    for (const d of dashboards()) {
      const variable = (
        d.templating.list as unknown as { name: string; query: string; current: { value: string } }[]
      ).find((v) => v.name === 'datasource');
      expect([variable?.query, variable?.current.value]).toEqual(['prometheus', byType('prometheus').uid]);
    }
    const { providers } = readYaml<{ providers: { options: { path: string } }[] }>(
      'grafana/provisioning/dashboards/dashboards.yml',
    );
    const dashboardDir = mountOf('grafana', './dashboards');
    expect(providers.map((p) => p.options.path)).toEqual([dashboardDir]);
    const home = service('grafana').environment?.GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH ?? '';
    expect(home.startsWith(`${dashboardDir}/`)).toBe(true);
    expect(existsSync(join(ROOT, 'dashboards', home.slice(dashboardDir.length + 1)))).toBe(true);
  });

  it('feeds demo traffic to the app from the mounted models', () => {
    const traffic = service('traffic');
    expectReachable('traffic', traffic.environment?.SIGHTLINE_URL ?? '');
    expect(traffic.environment?.MODELS_DIR).toBe(mountOf('traffic', './models'));
    const [bin, script] = traffic.command ?? [];
    expect([bin, join(traffic.working_dir ?? '/', script)]).toEqual([
      'node',
      `${mountOf('traffic', './scripts')}/demo-traffic.js`,
    ]);
  });
});
