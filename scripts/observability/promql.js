// PromQL fragments shared by the alert rules and the dashboards, so both read the same series.

function seconds(duration) {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(duration);
  if (!match) throw new Error(`not a Prometheus duration: ${duration}`);
  const unit = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 }[match[2]];
  return Number(match[1]) * unit;
}

/** "250ms", "2s", "5m": how a threshold reads in an alert's description. */
function humanSeconds(value) {
  if (value < 1) return `${Math.round(value * 1000)}ms`;
  if (value % 3600 === 0) return `${value / 3600}h`;
  if (value % 60 === 0) return `${value / 60}m`;
  return `${value}s`;
}

/** Avoids 1 - 0.999 = 0.0010000000000000009 ending up in an expression. */
function round(value) {
  return Number(value.toPrecision(12));
}

function percent(value) {
  return `${round(value * 100)}%`;
}

function predictRoutes(config) {
  return `route=~"${config.selectors.predictRoutes.join('|')}"`;
}

/** Names of the recording rules the alerts and the dashboards share. */
const recorded = {
  latencyP99: (config) => `model:sightline_http_request_duration_seconds:p99_rate${config.latency.window}`,
  requestRate: (window) => `model_status_class:sightline_http_requests:rate${window}`,
  errorRatio: (window) => `model:sightline_http_request_errors:ratio_rate${window}`,
};

/** Prediction requests per second by model and status class (recorded, then divided below). */
function requestRate(config, window) {
  return `sum by (model, status_class) (rate(sightline_http_requests_total{${predictRoutes(config)}}[${window}]))`;
}

/**
 * 5xx share of prediction requests per model, from the recorded request rate. The `or ... * 0`
 * keeps a 0 series while there are no errors, so dashboards show a flat line, not "no data".
 */
function errorRatio(window) {
  const r = recorded.requestRate(window);
  return `(sum by (model) (${r}{status_class="5xx"}) or sum by (model) (${r}) * 0)\n/ sum by (model) (${r})`;
}

function latencyP99(config, window, modelMatcher = '') {
  const sel = `${predictRoutes(config)}${modelMatcher ? `, ${modelMatcher}` : ''}`;
  return `histogram_quantile(0.99, sum by (model, le) (rate(sightline_http_request_duration_seconds_bucket{${sel}}[${window}])))`;
}

module.exports = {
  seconds,
  humanSeconds,
  round,
  percent,
  predictRoutes,
  recorded,
  requestRate,
  errorRatio,
  latencyP99,
};
