import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as yaml from 'js-yaml';
import {
  catalogue,
  catalogued,
  dashboards,
  expressionsOf,
  metricNames,
  panelsOf,
  readYaml,
  ROOT,
  RULE_FILE,
  rules,
} from '../utils/observability-files';
import { amtool, itWithTools, promtool, runTool } from '../utils/prom-tools';

// What the issue asks alerts for; each must exist with a runbook section and promtool tests.
const REQUIRED_ALERTS = [
  'SightlineLatencyP99AboveObjective',
  'SightlineErrorBudgetBurnFast',
  'SightlineErrorBudgetBurnSlow',
  'SightlineFeatureDrift',
  'SightlineDatasetDrift',
  'SightlineModelPerformanceBelowThreshold',
  'SightlineEstimatedPerformanceDegraded',
  'SightlinePredictionLogBacklog',
  'SightlinePredictionLogJournaling',
  'SightlinePredictionLogDropping',
  'SightlineModelNotReady',
  'SightlineMonitoringJobStale',
];
const DASHBOARD_UIDS = [
  'sightline-drift',
  'sightline-overview',
  'sightline-performance',
  'sightline-pipeline',
];
const TEST_FILES = ['latency-errors', 'drift-performance', 'estimated-performance', 'pipeline-service'].map(
  (f) => `prometheus/tests/${f}.test.yml`,
);

interface PromtoolTests {
  rule_files: string[];
  tests: { alert_rule_test?: { alertname: string; exp_alerts: unknown[] }[] }[];
}

/** alertmanager.yml with its commented-out YAML (the Slack and e-mail examples) switched on; prose stays a comment. */
function uncommentedAlertmanager(): string {
  const text = readFileSync(join(ROOT, 'prometheus', 'alertmanager.yml'), 'utf8');
  return text.replace(/^(\s*)# (?=\s*(- )?[a-z_]+:( |$))/gm, '$1');
}

const alerts = () => rules().filter((r) => r.alert !== undefined);
const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });

/** GitHub's heading anchors: lowercase, punctuation dropped, spaces to hyphens. */
function anchors(markdown: string): Set<string> {
  return new Set(
    [...markdown.matchAll(/^#{1,6} (.+)$/gm)].map((m) =>
      m[1]
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9 -]/g, '')
        .replace(/ /g, '-'),
    ),
  );
}

describe('observability config: rules and dashboards', () => {
  it('has generated files identical to what scripts/observability/config.js produces', () => {
    const result = node(['scripts/build-observability.js', '--check']);
    expect(`${result.stdout}${result.stderr}`).toBe('');
    expect(result.status).toBe(0);
  });

  it('turns per-model latency objectives into rules of their own', () => {
    const script =
      "const c = require('./scripts/observability/config');" +
      "const { buildRules } = require('./scripts/observability/rules');" +
      "const rules = buildRules({ ...c, latency: { ...c.latency, perModel: { 'house-price': 0.1 } } });" +
      "process.stdout.write(JSON.stringify(rules.groups[1].rules.filter((r) => r.alert === 'SightlineLatencyP99AboveObjective')));";
    const result = node(['-e', script]);
    expect(result.stderr).toBe('');
    const latency = JSON.parse(result.stdout) as { expr: string; labels: Record<string, string> }[];
    expect(latency.map((r) => [r.expr, r.labels])).toEqual([
      [
        'model:sightline_http_request_duration_seconds:p99_rate5m{model!~"house-price"} > 0.25',
        { severity: 'warning' },
      ],
      [
        'model:sightline_http_request_duration_seconds:p99_rate5m{model="house-price"} > 0.1',
        { severity: 'warning', model: 'house-price' },
      ],
    ]);
  });

  it('gives every alert a severity, summary, description, for: and a runbook_url with a section', () => {
    const runbook = readFileSync(join(ROOT, 'docs', 'runbook.md'), 'utf8');
    const sections = anchors(runbook);
    const names = new Set(alerts().map((a) => a.alert as string));
    expect([...names]).toEqual(expect.arrayContaining(REQUIRED_ALERTS));
    for (const a of alerts()) {
      expect({ alert: a.alert, severity: a.labels?.severity }).toEqual({
        alert: a.alert,
        severity: expect.stringMatching(/^(critical|warning)$/),
      });
      expect(a.for).toMatch(/^\d+[smh]$/);
      expect(a.annotations).toEqual({
        summary: expect.any(String),
        description: expect.any(String),
        runbook_url: `docs/runbook.md#${(a.alert as string).toLowerCase()}`,
      });
      expect(sections).toContain((a.alert as string).toLowerCase());
    }
    // and no runbook section for an alert that no longer exists
    const documented = [...runbook.matchAll(/^## (Sightline[A-Za-z0-9]+)$/gm)].map((m) => m[1]);
    expect(new Set(documented)).toEqual(names);
  });

  it('has promtool unit tests showing every alert firing and staying quiet', () => {
    const seen = new Map<string, { firing: boolean; quiet: boolean }>();
    for (const file of TEST_FILES) {
      const spec = readYaml<PromtoolTests>(file);
      expect(spec.rule_files).toEqual(['../rules/sightline.yml']);
      for (const t of spec.tests.flatMap((x) => x.alert_rule_test ?? [])) {
        const entry = seen.get(t.alertname) ?? { firing: false, quiet: false };
        if (t.exp_alerts.length > 0) entry.firing = true;
        else entry.quiet = true;
        seen.set(t.alertname, entry);
      }
    }
    for (const name of new Set(alerts().map((a) => a.alert as string))) {
      expect({ name, ...seen.get(name) }).toEqual({ name, firing: true, quiet: true });
    }
  });

  it('builds rules and dashboards only on the metrics of docs/metrics.md', () => {
    const c = catalogue();
    expect(c.names.size).toBeGreaterThan(25);
    const used = [
      ...rules().map((r) => ({ where: r.alert ?? r.record, expr: r.expr })),
      ...dashboards().flatMap(expressionsOf),
    ];
    const unknown = used.flatMap((u) =>
      metricNames(u.expr)
        .filter((n) => !catalogued(n, c))
        .map((n) => `${u.where}: ${n}`),
    );
    expect(unknown).toEqual([]);
  });

  it('ships four dashboards with stable uids, model and version variables, units and descriptions', () => {
    const boards = dashboards();
    expect(boards.map((d) => d.uid)).toEqual(DASHBOARD_UIDS);
    for (const d of boards) {
      const variables = d.templating.list.map((v) => v.name);
      expect(variables).toEqual(expect.arrayContaining(['datasource', 'model', 'version']));
      const ids = d.panels.map((p) => p.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const p of panelsOf(d)) {
        const where = `${d.uid} / ${p.title}`;
        expect({
          where,
          description: Boolean(p.description),
          unit: Boolean(p.fieldConfig?.defaults.unit),
        }).toEqual({
          where,
          description: true,
          unit: true,
        });
        expect({ where, datasource: p.datasource }).toEqual({
          where,
          datasource: { type: 'prometheus', uid: '${datasource}' },
        });
        expect(p.targets?.length).toBeGreaterThan(0);
      }
    }
  });

  it('links latency panels to traces through exemplars', () => {
    const latency = dashboards()
      .flatMap(panelsOf)
      .flatMap((p) => p.targets ?? [])
      .filter((t) => /sightline_(http_request|inference)_duration_seconds_bucket/.test(t.expr));
    expect(latency.length).toBeGreaterThanOrEqual(6);
    expect(latency.filter((t) => t.exemplar !== true)).toEqual([]);
  });

  it('keeps the alertmanager routes pointing at receivers that exist', () => {
    const am = readYaml<{
      route: { receiver: string; routes?: { receiver: string }[] };
      receivers: { name: string; webhook_configs?: { url: string; send_resolved: boolean }[] }[];
    }>('prometheus/alertmanager.yml');
    const receivers = am.receivers.map((r) => r.name);
    for (const r of [am.route, ...(am.route.routes ?? [])]) expect(receivers).toContain(r.receiver);
    expect(am.receivers[0].webhook_configs?.[0]).toMatchObject({ send_resolved: true });
    const examples = yaml.load(uncommentedAlertmanager()) as typeof am;
    expect(examples.receivers.map((r) => r.name)).toEqual(['sightline-webhook', 'team-slack', 'team-email']);
    expect(examples.route.routes?.map((r) => r.receiver)).toEqual([
      'sightline-webhook',
      'team-slack',
      'team-email',
    ]);
  });

  const withPromtool = itWithTools([promtool]);
  withPromtool('passes promtool check config and check rules', () => {
    const config = runTool(promtool, ['check', 'config', 'prometheus/prometheus.yml'], ROOT);
    expect(config).toMatchObject({ status: 0 });
    const checked = runTool(promtool, ['check', 'rules', RULE_FILE], ROOT);
    expect(checked).toMatchObject({ status: 0 });
    expect(checked.output).toContain('SUCCESS');
  });

  withPromtool('passes the promtool unit tests of every alert', () => {
    for (const f of TEST_FILES) expect(existsSync(join(ROOT, f))).toBe(true);
    const result = runTool(promtool, ['test', 'rules', ...TEST_FILES], ROOT);
    expect(result).toMatchObject({ status: 0 });
    expect(result.output).not.toContain('FAILED');
  });

  itWithTools([amtool])(
    'passes amtool check-config, with the Slack and e-mail examples uncommented too',
    () => {
      const result = runTool(amtool, ['check-config', 'prometheus/alertmanager.yml'], ROOT);
      expect(result).toMatchObject({ status: 0 });
      expect(result.output).toContain('SUCCESS');
      const dir = mkdtempSync(join(tmpdir(), 'sightline-am-'));
      try {
        writeFileSync(join(dir, 'alertmanager.yml'), uncommentedAlertmanager());
        const examples = runTool(amtool, ['check-config', join(dir, 'alertmanager.yml')], ROOT);
        expect(examples).toMatchObject({ status: 0 });
        expect(examples.output).toContain('3 receivers');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
