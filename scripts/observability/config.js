// THE one place for alert thresholds, durations and selectors. `node scripts/build-observability.js`
// turns it into prometheus/rules/sightline.yml and dashboards/*.json; a test fails when those files
// are not what this config produces. Metric names follow docs/metrics.md.

module.exports = {
  // every alert's runbook_url is `${runbookBaseUrl}#<alert name, lowercased>`. Repo-relative by
  // default; set it to where docs/runbook.md is browsable (e.g. your Git host's URL) and rebuild
  runbookBaseUrl: 'docs/runbook.md',

  selectors: {
    // the Prometheus scrape job of the app (prometheus/prometheus.yml)
    job: 'sightline',
    // route templates of the prediction endpoints: latency and error objectives apply to these only,
    // so slow drift runs or report pages never page anyone
    predictRoutes: [
      '/predict',
      '/v1/models/:name/predict',
      '/v2/models/:name/infer',
      '/v2/models/:name/versions/:version/infer',
    ],
    // the app exports `job="drift|performance"` on its job metrics; Prometheus keeps its own target
    // `job` label and renames the app's to `exported_job` (honor_labels: false, the default)
    jobLabel: 'exported_job',
  },

  latency: {
    // p99 of a prediction request, per model
    p99ObjectiveSeconds: 0.25,
    // per-model objectives, e.g. { 'house-price': 0.1 }
    perModel: {},
    window: '5m',
    for: '10m',
  },

  availability: {
    // share of prediction requests answered without a 5xx
    objective: 0.999,
    // multi-window, multi-burn-rate pairs (Google SRE workbook): page on a fast burn, ticket on a slow one
    fast: { burnRate: 14.4, long: '1h', short: '5m', for: '2m', severity: 'critical' },
    slow: { burnRate: 6, long: '6h', short: '30m', for: '15m', severity: 'warning' },
  },

  drift: {
    // keep equal to the app's DRIFT_SHARE_THRESHOLD (its dataset verdict)
    datasetShareThreshold: 0.5,
    // keep equal to the app's DRIFT_MIN_SAMPLE: drawn on the low-traffic panel
    minSample: 500,
    for: '10m',
  },

  performance: {
    // the sliding window whose figures are alerted on (label `window`; one of the app's PERFORMANCE_WINDOWS)
    window: '24h',
    // keep equal to the app's PERFORMANCE_MIN_SAMPLE: drawn on the labelled-predictions panel
    minSample: 100,
    for: '30m',
    // `below` for higher-is-better metrics, `above` for error metrics; `model` narrows one to a model
    objectives: [
      { metric: 'accuracy', below: 0.7 },
      { metric: 'f1_macro', below: 0.6 },
      { metric: 'r2', below: 0.5 },
    ],
  },

  // estimated performance (CBPE): an estimate below the lower edge of the band the reference's chunks
  // span (the app's sightline_model_performance_threshold) is a degradation before any label arrives
  estimatedPerformance: {
    // one of the app's PERFORMANCE_WINDOWS
    window: '24h',
    for: '30m',
    metrics: ['accuracy', 'precision_macro', 'recall_macro', 'f1_macro', 'roc_auc'],
  },

  predictionLog: {
    // records waiting in memory (the app's default PREDICTION_LOG_BUFFER_MAX is 100000)
    backlogRecords: 50000,
    backlogFor: '5m',
    journalingFor: '1m',
    droppingFor: '1m',
    window: '5m',
  },

  models: {
    notReadyFor: '5m',
  },

  service: {
    downFor: '2m',
  },

  // how often each job runs (the app's DRIFT_INTERVAL_SECONDS and PERFORMANCE_INTERVAL_SECONDS);
  // stale = no successful run for two intervals
  jobs: {
    drift: { intervalSeconds: 300 },
    performance: { intervalSeconds: 300 },
    // runs with the performance job's PERFORMANCE_INTERVAL_SECONDS
    performance_estimation: { intervalSeconds: 300 },
  },
  jobStaleFor: '5m',
};
