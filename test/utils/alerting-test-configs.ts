import * as yaml from 'js-yaml';
import { readYaml, RULE_FILE, RuleFile } from './observability-files';

// Test copies of the repo's Prometheus, rule and Alertmanager files: the same content with loopback
// addresses and a time scale a test can wait for. Everything else is kept as the repo has it.

const SCALE = 30;

function seconds(duration: string): number {
  const m = /^(\d+)(s|m|h|d)$/.exec(duration);
  if (!m) throw new Error(`unexpected duration ${duration}`);
  return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd'];
}

/** `[5m]` → `[10s]`, `[1h]` → `[120s]`: range windows 30 times shorter, never under 10 scrapes. */
export function shortenRanges(expr: string): string {
  return expr.replace(
    /\[(\d+[smhd])\]/g,
    (_m, d: string) => `[${Math.max(10, Math.round(seconds(d) / SCALE))}s]`,
  );
}

/**
 * The repo's rules on the test time scale. `latencyObjectiveSeconds` replaces the p99 objective, so
 * a test can put it far below an injected delay and far above any real answer time: whether the
 * alert fires is then decided by the delay, not by how loaded the machine is.
 */
export function testRules(forDuration = '2s', latencyObjectiveSeconds?: number): string {
  const file = readYaml<RuleFile>(RULE_FILE);
  for (const group of file.groups) {
    for (const rule of group.rules) {
      rule.expr = shortenRanges(rule.expr);
      if (latencyObjectiveSeconds !== undefined && rule.alert === 'SightlineLatencyP99AboveObjective') {
        rule.expr = rule.expr.replace(/> [0-9.]+$/, `> ${latencyObjectiveSeconds}`);
      }
      if (rule.for !== undefined) rule.for = forDuration;
    }
  }
  return yaml.dump(file, { lineWidth: -1 });
}

interface PromConfig {
  global: Record<string, string>;
  rule_files: string[];
  alerting: { alertmanagers: { static_configs: { targets: string[] }[] }[] };
  scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[];
}

/** prometheus.yml scraping the test app every second and alerting the test Alertmanager. */
export function testPrometheusConfig(o: {
  appPort: number;
  alertmanagerPort: number;
  ruleFile: string;
}): string {
  const config = readYaml<PromConfig>('prometheus/prometheus.yml');
  config.global = {
    ...config.global,
    scrape_interval: '1s',
    scrape_timeout: '1s',
    evaluation_interval: '1s',
  };
  config.rule_files = [o.ruleFile];
  config.alerting.alertmanagers = [{ static_configs: [{ targets: [`127.0.0.1:${o.alertmanagerPort}`] }] }];
  const app = config.scrape_configs.find((j) => j.job_name === 'sightline');
  if (!app) throw new Error('prometheus.yml has no sightline scrape job');
  app.static_configs = [{ targets: [`127.0.0.1:${o.appPort}`] }];
  // the other jobs scrape compose services that do not exist here
  config.scrape_configs = [app];
  return yaml.dump(config, { lineWidth: -1 });
}

interface Route {
  group_wait?: string;
  group_interval?: string;
  repeat_interval?: string;
  routes?: Route[];
}

function quicken(route: Route, top: boolean): void {
  if (top || route.group_wait) route.group_wait = '1s';
  if (top || route.group_interval) route.group_interval = '1s';
  if (top || route.repeat_interval) route.repeat_interval = '1h';
  for (const child of route.routes ?? []) quicken(child, false);
}

/** alertmanager.yml with second-long grouping and every webhook pointed at the test's receiver. */
export function testAlertmanagerConfig(webhookUrl: string): string {
  const config = readYaml<{ route: Route; receivers: { webhook_configs?: { url: string }[] }[] }>(
    'prometheus/alertmanager.yml',
  );
  quicken(config.route, true);
  for (const receiver of config.receivers) {
    for (const webhook of receiver.webhook_configs ?? []) webhook.url = webhookUrl;
  }
  return yaml.dump(config, { lineWidth: -1 });
}
