// Prometheus recording and alerting rules, built from config.js. Every alert carries severity,
// summary, description, runbook_url and a `for:`; prometheus/tests/ unit-tests each one.
const { humanSeconds, percent, recorded, requestRate, errorRatio, latencyP99, round } = require('./promql');

function alert(config, name, { expr, for: forDuration, severity, summary, description, labels = {} }) {
  return {
    alert: name,
    expr,
    for: forDuration,
    labels: { severity, ...labels },
    annotations: {
      summary,
      description,
      runbook_url: `${config.runbookBaseUrl}#${name.toLowerCase()}`,
    },
  };
}

function recordingRules(config) {
  const a = config.availability;
  const windows = [...new Set([a.fast.short, a.fast.long, a.slow.short, a.slow.long])];
  return [
    { record: recorded.latencyP99(config), expr: latencyP99(config, config.latency.window) },
    ...windows.map((w) => ({ record: recorded.requestRate(w), expr: requestRate(config, w) })),
    ...windows.map((w) => ({ record: recorded.errorRatio(w), expr: errorRatio(w) })),
  ];
}

function latencyAlerts(config) {
  const l = config.latency;
  const overrides = Object.entries(l.perModel);
  const cases = [
    {
      matcher: overrides.length ? `{model!~"${overrides.map(([m]) => m).join('|')}"}` : '',
      objective: l.p99ObjectiveSeconds,
    },
    ...overrides.map(([model, objective]) => ({ matcher: `{model="${model}"}`, objective, model })),
  ];
  // a static `model` label tells the override rules apart (promtool rejects identical rule labels)
  return cases.map(({ matcher, objective, model }) =>
    alert(config, 'SightlineLatencyP99AboveObjective', {
      expr: `${recorded.latencyP99(config)}${matcher} > ${objective}`,
      for: l.for,
      severity: 'warning',
      labels: model ? { model } : {},
      summary: 'p99 latency of {{ $labels.model }} is {{ $value | humanizeDuration }}',
      description:
        `The 99th percentile of prediction requests to model {{ $labels.model }} over ${l.window} has been ` +
        `above its ${humanSeconds(objective)} objective for ${l.for} (now {{ $value | humanizeDuration }}).`,
    }),
  );
}

function burnRateAlerts(config) {
  const a = config.availability;
  const budget = round(1 - a.objective);
  const rule = (name, pair) =>
    alert(config, name, {
      expr:
        `${recorded.errorRatio(pair.long)} > (${pair.burnRate} * ${budget})\n` +
        `and\n${recorded.errorRatio(pair.short)} > (${pair.burnRate} * ${budget})`,
      for: pair.for,
      severity: pair.severity,
      summary: '{{ $labels.model }} is burning its error budget ' + `${pair.burnRate}x too fast`,
      description:
        `{{ $value | humanizePercentage }} of prediction requests to {{ $labels.model }} failed with a 5xx over ` +
        `${pair.long} (and still over ${pair.short}): the ${percent(a.objective)} availability objective's ` +
        `error budget is being spent ${pair.burnRate} times faster than it can last.`,
    });
  return [rule('SightlineErrorBudgetBurnFast', a.fast), rule('SightlineErrorBudgetBurnSlow', a.slow)];
}

function driftAlerts(config) {
  const d = config.drift;
  return [
    alert(config, 'SightlineFeatureDrift', {
      expr: 'max by (model, version, feature) (sightline_drift_detected{feature!="__prediction__"}) == 1',
      for: d.for,
      severity: 'warning',
      summary: 'Feature {{ $labels.feature }} of {{ $labels.model }} v{{ $labels.version }} is drifting',
      description:
        'The latest drift runs find the distribution of feature {{ $labels.feature }} of model ' +
        `{{ $labels.model }} version {{ $labels.version }} different from its reference (for ${d.for}).`,
    }),
    alert(config, 'SightlinePredictionDrift', {
      expr: 'max by (model, version) (sightline_drift_detected{feature="__prediction__"}) == 1',
      for: d.for,
      severity: 'warning',
      summary: 'Predictions of {{ $labels.model }} v{{ $labels.version }} are drifting',
      description:
        'The distribution of what model {{ $labels.model }} version {{ $labels.version }} predicts differs ' +
        `from its reference predictions (for ${d.for}).`,
    }),
    alert(config, 'SightlineDatasetDrift', {
      expr: `max by (model, version) (sightline_dataset_drift_share) >= ${d.datasetShareThreshold}`,
      for: d.for,
      severity: 'warning',
      summary:
        '{{ $value | humanizePercentage }} of the features of {{ $labels.model }} v{{ $labels.version }} drift',
      description:
        'The share of drifting features of model {{ $labels.model }} version {{ $labels.version }} is ' +
        `{{ $value | humanizePercentage }}, at or above the ${percent(d.datasetShareThreshold)} threshold ` +
        `(for ${d.for}).`,
    }),
  ];
}

function performanceAlerts(config) {
  const p = config.performance;
  return p.objectives.map((o) => {
    const direction = o.below !== undefined ? '<' : '>';
    const threshold = o.below ?? o.above;
    const sel = `metric="${o.metric}", window="${p.window}"${o.model ? `, model="${o.model}"` : ''}`;
    const agg = direction === '<' ? 'min' : 'max';
    return alert(config, 'SightlineModelPerformanceBelowThreshold', {
      expr: `${agg} by (model, version, metric) (sightline_model_performance{${sel}}) ${direction} ${threshold}`,
      for: p.for,
      severity: 'warning',
      labels: { metric: o.metric, ...(o.model ? { model: o.model } : {}) },
      summary:
        '{{ $labels.metric }} of {{ $labels.model }} v{{ $labels.version }} is {{ printf "%.3g" $value }}',
      description:
        `The ${o.metric} of model {{ $labels.model }} version {{ $labels.version }} over the last ${p.window} ` +
        `of labelled predictions is {{ printf "%.3g" $value }}, ${direction === '<' ? 'below' : 'above'} its ` +
        `threshold of ${threshold} (for ${p.for}).`,
    });
  });
}

function estimatedPerformanceAlerts(config) {
  const e = config.estimatedPerformance;
  const metrics = e.metrics.join('|');
  return [
    alert(config, 'SightlineEstimatedPerformanceDegraded', {
      expr:
        `min by (model, version, window, metric) (\n  sightline_model_performance_estimated{window="${e.window}", metric=~"${metrics}"}\n` +
        '  < on (model, version, metric) group_left ()\n' +
        '  max by (model, version, metric) (sightline_model_performance_threshold{bound="lower"})\n)',
      for: e.for,
      severity: 'warning',
      summary:
        'Estimated {{ $labels.metric }} of {{ $labels.model }} v{{ $labels.version }} is {{ printf "%.3g" $value }}',
      description:
        `Without labels, CBPE estimates the {{ $labels.metric }} of model {{ $labels.model }} version {{ $labels.version }} ` +
        `over the last ${e.window} at {{ printf "%.3g" $value }}, below the band its reference chunks span (for ${e.for}): ` +
        'performance is likely falling before the labels can show it.',
    }),
  ];
}

function pipelineAlerts(config) {
  const l = config.predictionLog;
  return [
    alert(config, 'SightlinePredictionLogBacklog', {
      expr: `max by (instance) (sightline_prediction_log_queue_depth) > ${l.backlogRecords}`,
      for: l.backlogFor,
      severity: 'warning',
      summary: '{{ $value }} prediction log records wait in memory on {{ $labels.instance }}',
      description:
        `More than ${l.backlogRecords} prediction log records have been waiting for Postgres on ` +
        `{{ $labels.instance }} for ${l.backlogFor}: writes are slower than predictions.`,
    }),
    alert(config, 'SightlinePredictionLogJournaling', {
      expr: `sum by (instance) (increase(sightline_prediction_log_journaled_total[${l.window}])) > 0`,
      for: l.journalingFor,
      severity: 'warning',
      summary: '{{ $labels.instance }} journals prediction logs to disk',
      description:
        `{{ $labels.instance }} wrote {{ $value | humanize }} prediction log records to its disk journal in ` +
        `the last ${l.window}: Postgres writes are failing; records are replayed once it is back.`,
    }),
    alert(config, 'SightlinePredictionLogDropping', {
      expr: `sum by (instance, reason) (increase(sightline_prediction_log_dropped_total[${l.window}])) > 0`,
      for: l.droppingFor,
      severity: 'critical',
      summary: '{{ $labels.instance }} is losing prediction logs ({{ $labels.reason }})',
      description:
        `{{ $labels.instance }} dropped {{ $value | humanize }} prediction log records in the last ${l.window} ` +
        '(reason {{ $labels.reason }}): they reached neither Postgres nor the disk journal.',
    }),
  ];
}

function availabilityAlerts(config) {
  return [
    alert(config, 'SightlineDown', {
      expr: `up{job="${config.selectors.job}"} == 0`,
      for: config.service.downFor,
      severity: 'critical',
      summary: 'Sightline at {{ $labels.instance }} does not answer scrapes',
      description: `Prometheus has failed to scrape {{ $labels.instance }} for ${config.service.downFor}.`,
    }),
    alert(config, 'SightlineModelNotReady', {
      expr: 'sightline_model_ready == 0',
      for: config.models.notReadyFor,
      severity: 'critical',
      summary: '{{ $labels.model }} v{{ $labels.version }} cannot serve on {{ $labels.instance }}',
      description:
        'Model {{ $labels.model }} version {{ $labels.version }} has not been ready on {{ $labels.instance }} ' +
        `for ${config.models.notReadyFor}; requests for it fail with 503.`,
    }),
  ];
}

function jobStaleAlerts(config) {
  const label = config.selectors.jobLabel;
  return Object.entries(config.jobs).map(([job, { intervalSeconds }]) => {
    const limit = 2 * intervalSeconds;
    const sel = `{${label}="${job}"}`;
    return alert(config, 'SightlineMonitoringJobStale', {
      expr:
        `(\n  time() - max by (${label}) (sightline_job_last_success_timestamp_seconds${sel}) > ${limit}\n` +
        `  or\n  absent(sightline_job_last_success_timestamp_seconds${sel})\n)\n` +
        `and on ()\ntime() - min(sightline_process_start_time_seconds{job="${config.selectors.job}"}) > ${limit}`,
      for: config.jobStaleFor,
      severity: 'warning',
      labels: { monitoring_job: job },
      summary: `The ${job} job has not succeeded for two intervals`,
      description:
        `No ${job} run has succeeded for more than ${humanSeconds(limit)} (two ${humanSeconds(intervalSeconds)} ` +
        `intervals), so its gauges are stale and its alerts cannot fire.`,
    });
  });
}

/** The rule file Prometheus loads (prometheus/rules/sightline.yml). */
function buildRules(config) {
  return {
    groups: [
      { name: 'sightline.recording', rules: recordingRules(config) },
      {
        name: 'sightline.alerts',
        rules: [
          ...availabilityAlerts(config),
          ...latencyAlerts(config),
          ...burnRateAlerts(config),
          ...driftAlerts(config),
          ...performanceAlerts(config),
          ...estimatedPerformanceAlerts(config),
          ...pipelineAlerts(config),
          ...jobStaleAlerts(config),
        ],
      },
    ],
  };
}

module.exports = { buildRules };
