// Service overview: traffic, errors, latency (with exemplar links to traces), models, saturation.
const { dashboard, timeseries, stat, table, stateTimeline, valueMappings } = require('../grafana');
const { predictRoutes, recorded, round } = require('../promql');
const { modelVariables, M, MV } = require('./variables');

const quantiles = (metric, by, labels, legend, exemplar) =>
  [0.5, 0.95, 0.99].map((q) => ({
    expr: `histogram_quantile(${q}, sum by (${by}, le) (rate(${metric}_bucket{${labels}}[$__rate_interval])))`,
    legend: `${legend} p${Math.round(q * 100)}`,
    exemplar,
  }));

module.exports = function overview(config) {
  const routes = `${predictRoutes(config)}, ${M}`;
  const rate = (status) =>
    `sum by (model) (rate(sightline_http_requests_total{${routes}${status}}[$__rate_interval]))`;
  const budget = round(1 - config.availability.objective);
  return dashboard({
    uid: 'sightline-overview',
    title: 'Sightline / Service overview',
    description:
      'Request rate, errors, latency per model and version, inference time, batching and saturation.',
    variables: modelVariables,
    items: [
      'Traffic and errors',
      timeseries({
        title: 'Prediction requests',
        description: 'Prediction requests answered per second, per model (all status codes).',
        unit: 'reqps',
        axisLabel: 'requests/s',
        targets: [{ expr: rate(''), legend: '{{model}}' }],
      }),
      timeseries({
        title: 'Predicted rows by outcome',
        description: 'Rows predicted per second per model version; outcome is success or the error class.',
        unit: 'cps',
        axisLabel: 'rows/s',
        targets: [
          {
            expr: `sum by (model, version, outcome) (rate(sightline_predictions_total{${MV}}[$__rate_interval]))`,
            legend: '{{model}} v{{version}} {{outcome}}',
          },
        ],
      }),
      timeseries({
        title: 'Error ratio',
        description:
          'Share of prediction requests answered with a 5xx (server) or 4xx (client) status. ' +
          'The dashed line is the error budget of the availability objective.',
        unit: 'percentunit',
        axisLabel: 'share of requests',
        min: 0,
        threshold: budget,
        targets: ['5xx', '4xx'].map((c) => ({
          expr: `(${rate(`, status_class="${c}"`)} or ${rate('')} * 0) / ${rate('')}`,
          legend: `{{model}} ${c}`,
        })),
      }),
      timeseries({
        title: 'Error budget burn rate',
        description:
          'How many times faster than sustainable the error budget is spent, over the fast and slow alert ' +
          `windows (${config.availability.fast.long}, ${config.availability.slow.long}); 1 spends it exactly.`,
        unit: 'short',
        axisLabel: '× sustainable',
        threshold: config.availability.fast.burnRate,
        targets: [config.availability.fast.long, config.availability.slow.long].map((w) => ({
          expr: `${recorded.errorRatio(w)}{${M}} / ${budget}`,
          legend: `{{model}} ${w}`,
        })),
      }),
      'Latency',
      timeseries({
        title: 'Request latency',
        description:
          'p50, p95 and p99 time to answer prediction requests, per model. Exemplar dots link to the trace ' +
          'of a request; the dashed line is the p99 objective.',
        unit: 's',
        axisLabel: 'seconds',
        threshold: config.latency.p99ObjectiveSeconds,
        targets: quantiles('sightline_http_request_duration_seconds', 'model', routes, '{{model}}', true),
      }),
      timeseries({
        title: 'Inference time',
        description: 'p50, p95 and p99 of one ONNX session run, per model version; exemplars link to traces.',
        unit: 's',
        axisLabel: 'seconds',
        targets: quantiles(
          'sightline_inference_duration_seconds',
          'model, version',
          MV,
          '{{model}} v{{version}}',
          true,
        ),
      }),
      timeseries({
        title: 'Preprocessing time',
        description: 'p99 of validation and tensor encoding per model version.',
        unit: 's',
        axisLabel: 'seconds',
        targets: [
          {
            expr: `histogram_quantile(0.99, sum by (model, version, le) (rate(sightline_preprocess_duration_seconds_bucket{${MV}}[$__rate_interval])))`,
            legend: '{{model}} v{{version}} p99',
          },
        ],
      }),
      timeseries({
        title: 'Batch size and queue wait',
        description:
          'Average rows per session run (left) and p99 time a request waited for its batch (right).',
        unit: 'short',
        axisLabel: 'rows',
        overrides: [
          {
            matcher: { id: 'byFrameRefID', options: 'B' },
            properties: [
              { id: 'unit', value: 's' },
              { id: 'custom.axisPlacement', value: 'right' },
              { id: 'custom.axisLabel', value: 'seconds' },
            ],
          },
        ],
        targets: [
          {
            expr: `sum by (model, version) (rate(sightline_batch_size_sum{${MV}}[$__rate_interval])) / sum by (model, version) (rate(sightline_batch_size_count{${MV}}[$__rate_interval]))`,
            legend: '{{model}} v{{version}} rows/run',
          },
          {
            expr: `histogram_quantile(0.99, sum by (model, version, le) (rate(sightline_batch_queue_wait_seconds_bucket{${MV}}[$__rate_interval])))`,
            legend: '{{model}} v{{version}} wait p99',
          },
        ],
      }),
      'Models',
      table({
        title: 'Loaded model versions',
        description: 'Every model version the service has loaded, its task and whether it is the default.',
        unit: 'none',
        size: [12, 6],
        transformations: [
          {
            id: 'organize',
            options: { excludeByName: { Time: true, Value: true, __name__: true, job: true } },
          },
        ],
        targets: [{ expr: `sightline_model_info{${MV}}`, instant: true }],
      }),
      stateTimeline({
        title: 'Model readiness',
        description: 'Whether each model version can serve (a version that failed to load answers 503).',
        unit: 'bool',
        size: [6, 6],
        mappings: valueMappings({ 0: ['not ready', 'red'], 1: ['ready', 'green'] }),
        targets: [
          {
            expr: `min by (model, version) (sightline_model_ready{${MV}})`,
            legend: '{{model}} v{{version}}',
          },
        ],
      }),
      stat({
        title: 'Model load failures',
        description: 'Model versions that failed to load in the selected time range.',
        unit: 'short',
        size: [6, 6],
        threshold: 1,
        targets: [
          { expr: `sum(increase(sightline_model_load_failures_total{${M}}[$__range])) or vector(0)` },
        ],
      }),
      'Saturation',
      timeseries({
        title: 'Event loop lag',
        description:
          'p99 and mean Node.js event-loop delay per instance: CPU-bound work on the request path shows here.',
        unit: 's',
        axisLabel: 'seconds',
        size: [8, 8],
        targets: [
          { expr: 'sightline_nodejs_eventloop_lag_p99_seconds', legend: '{{instance}} p99' },
          { expr: 'sightline_nodejs_eventloop_lag_mean_seconds', legend: '{{instance}} mean' },
        ],
      }),
      timeseries({
        title: 'CPU',
        description: 'CPU time used per second of wall time (1 = one full core) per instance.',
        unit: 'percentunit',
        axisLabel: 'cores',
        size: [8, 8],
        targets: [
          { expr: 'rate(sightline_process_cpu_seconds_total[$__rate_interval])', legend: '{{instance}}' },
        ],
      }),
      timeseries({
        title: 'Memory',
        description: 'Resident set size and V8 heap in use per instance.',
        unit: 'bytes',
        axisLabel: 'bytes',
        size: [8, 8],
        targets: [
          { expr: 'sightline_process_resident_memory_bytes', legend: '{{instance}} rss' },
          { expr: 'sightline_nodejs_heap_size_used_bytes', legend: '{{instance}} heap used' },
        ],
      }),
    ],
  });
};
