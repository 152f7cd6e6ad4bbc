// Prediction-log pipeline: the buffer between the request path and Postgres, its journal and the pool.
const { dashboard, timeseries } = require('../grafana');
const { modelVariables, MV } = require('./variables');

const rate = (metric) => `sum(rate(${metric}[$__rate_interval]))`;

module.exports = function pipeline(config) {
  return dashboard({
    uid: 'sightline-pipeline',
    title: 'Sightline / Pipeline health',
    description:
      'Prediction log records from the request path to Postgres: throughput, backlog, journal, losses.',
    variables: modelVariables,
    items: [
      'Throughput',
      timeseries({
        title: 'Records queued and written',
        description:
          'Prediction log records accepted into the memory buffer and written to Postgres per second.',
        unit: 'cps',
        axisLabel: 'records/s',
        targets: [
          { expr: rate('sightline_prediction_log_queued_total'), legend: 'queued' },
          { expr: rate('sightline_prediction_log_written_total'), legend: 'written' },
        ],
      }),
      timeseries({
        title: 'Logged predictions by model',
        description:
          'Rows predicted per second per model version, each one becoming a prediction log record.',
        unit: 'cps',
        axisLabel: 'rows/s',
        targets: [
          {
            expr: `sum by (model, version) (rate(sightline_predictions_total{${MV}}[$__rate_interval]))`,
            legend: '{{model}} v{{version}}',
          },
        ],
      }),
      timeseries({
        title: 'Queue depth',
        description:
          'Records waiting in memory for Postgres; the dashed line is the SightlinePredictionLogBacklog threshold.',
        unit: 'short',
        axisLabel: 'records',
        min: 0,
        threshold: config.predictionLog.backlogRecords,
        targets: [{ expr: 'sightline_prediction_log_queue_depth', legend: '{{instance}}' }],
      }),
      timeseries({
        title: 'Batch writes',
        description: 'p50 and p99 duration of one batch insert (left) and batch inserts per second (right).',
        unit: 's',
        axisLabel: 'seconds',
        overrides: [
          {
            matcher: { id: 'byFrameRefID', options: 'C' },
            properties: [
              { id: 'unit', value: 'ops' },
              { id: 'custom.axisPlacement', value: 'right' },
              { id: 'custom.axisLabel', value: 'writes/s' },
            ],
          },
        ],
        targets: [
          ...[0.5, 0.99].map((q) => ({
            expr: `histogram_quantile(${q}, sum by (le) (rate(sightline_prediction_log_write_duration_seconds_bucket[$__rate_interval])))`,
            legend: `p${q * 100}`,
          })),
          { expr: rate('sightline_prediction_log_write_duration_seconds_count'), legend: 'writes/s' },
        ],
      }),
      'Outages',
      timeseries({
        title: 'Failed, journaled and replayed records',
        description:
          'Records in failed batch writes, records written to the disk journal while Postgres is unreachable, ' +
          'and journaled records replayed once it is back.',
        unit: 'cps',
        axisLabel: 'records/s',
        targets: [
          { expr: rate('sightline_prediction_log_failed_total'), legend: 'failed' },
          { expr: rate('sightline_prediction_log_journaled_total'), legend: 'journaled' },
          { expr: rate('sightline_prediction_log_replayed_total'), legend: 'replayed' },
        ],
      }),
      timeseries({
        title: 'Dropped records',
        description: 'Records lost because both the memory buffer and the disk journal were full, by reason.',
        unit: 'cps',
        axisLabel: 'records/s',
        targets: [
          {
            expr: 'sum by (reason) (rate(sightline_prediction_log_dropped_total[$__rate_interval])) or vector(0)',
            legend: '{{reason}}',
          },
        ],
      }),
      'Database',
      timeseries({
        title: 'Postgres pool',
        description: 'Connections in the pool (total, idle) and clients waiting for one.',
        unit: 'short',
        axisLabel: 'connections',
        min: 0,
        decimals: 0,
        targets: [{ expr: 'sum by (state) (sightline_db_pool_connections)', legend: '{{state}}' }],
      }),
    ],
  });
};
