// Model drift: per-feature scores against thresholds, verdicts, dataset drift share, data quality
// and the predicted-label distribution, as exported by the drift job.
const { dashboard, timeseries, stateTimeline, valueMappings, queryVariable } = require('../grafana');
const { modelVariables, MV } = require('./variables');
const { jobPanels } = require('./jobs');

const MVF = `${MV}, feature=~"$feature"`;

module.exports = function drift(config) {
  return dashboard({
    uid: 'sightline-drift',
    title: 'Sightline / Model drift',
    description:
      'What the drift job found: which features moved, by how much, and the data quality of the window.',
    variables: [
      ...modelVariables,
      queryVariable(
        'feature',
        'Feature',
        'label_values(sightline_drift_score{model=~"$model", version=~"$version"}, feature)',
      ),
    ],
    items: [
      'Dataset',
      timeseries({
        title: 'Dataset drift share',
        description:
          'Share of features drifting in the latest run, per model version; the dashed line is the dataset ' +
          'drift threshold the SightlineDatasetDrift alert uses.',
        unit: 'percentunit',
        axisLabel: 'share of features',
        min: 0,
        max: 1,
        threshold: config.drift.datasetShareThreshold,
        targets: [{ expr: `sightline_dataset_drift_share{${MV}}`, legend: '{{model}} v{{version}}' }],
      }),
      stateTimeline({
        title: 'Dataset drift verdict',
        description: "The app's dataset-level verdict per model version after each run.",
        unit: 'bool',
        mappings: valueMappings({ 0: ['no drift', 'green'], 1: ['drift', 'red'] }),
        targets: [{ expr: `sightline_dataset_drift_detected{${MV}}`, legend: '{{model}} v{{version}}' }],
      }),
      'Features',
      timeseries({
        title: 'Drift score and threshold per feature',
        description:
          "Each feature's latest drift statistic (solid) and its threshold (dashed). For p-value tests " +
          '(ks, chisquare, z) drift is a score below the threshold; for distances (psi, wasserstein, ' +
          'jensenshannon) a score above it. The legend names the test.',
        unit: 'short',
        axisLabel: 'statistic',
        size: [24, 9],
        overrides: [
          {
            matcher: { id: 'byFrameRefID', options: 'B' },
            properties: [{ id: 'custom.lineStyle', value: { fill: 'dash', dash: [10, 10] } }],
          },
        ],
        targets: [
          { expr: `sightline_drift_score{${MVF}}`, legend: '{{model}} v{{version}} {{feature}} ({{test}})' },
          {
            expr: `sightline_drift_threshold{${MVF}}`,
            legend: '{{model}} v{{version}} {{feature}} threshold',
          },
        ],
      }),
      stateTimeline({
        title: 'Drift verdict per feature',
        description: 'Whether each feature drifted in the latest run; __prediction__ is the model output.',
        unit: 'bool',
        mappings: valueMappings({ 0: ['stable', 'green'], 1: ['drifting', 'red'] }),
        targets: [{ expr: `sightline_drift_detected{${MVF}}`, legend: '{{model}} v{{version}} {{feature}}' }],
      }),
      timeseries({
        title: 'Drifting features',
        description: 'Number of input features (the model output excluded) drifting per model version.',
        unit: 'short',
        axisLabel: 'features',
        min: 0,
        decimals: 0,
        targets: [
          {
            expr: `sum by (model, version) (sightline_drift_detected{${MV}, feature!="__prediction__"})`,
            legend: '{{model}} v{{version}}',
          },
        ],
      }),
      'Low traffic',
      timeseries({
        title: 'Rows in the drift window',
        description:
          'Predictions in the latest drift window per model version; below the dashed line (DRIFT_MIN_SAMPLE) ' +
          'features have no verdict (insufficient_data), so the drift alerts stay silent rather than page on noise.',
        unit: 'short',
        axisLabel: 'rows',
        min: 0,
        decimals: 0,
        threshold: config.drift.minSample,
        targets: [{ expr: `sightline_drift_window_rows{${MV}}`, legend: '{{model}} v{{version}}' }],
      }),
      timeseries({
        title: 'Features without a verdict (too few values)',
        description:
          'Features whose latest run held fewer values than their minimum sample (insufficient_data), next to ' +
          'those that could be judged.',
        unit: 'short',
        axisLabel: 'features',
        min: 0,
        decimals: 0,
        targets: [
          {
            expr: `sum by (model, version) (sightline_drift_insufficient_data{${MV}})`,
            legend: '{{model}} v{{version}} insufficient data',
          },
          { expr: `sightline_drift_tested_features{${MV}}`, legend: '{{model}} v{{version}} tested' },
        ],
      }),
      'Data quality and predictions',
      timeseries({
        title: 'Data quality',
        description:
          'Share of rows in the drift window with a missing value, an out-of-range value or an unseen category.',
        unit: 'percentunit',
        axisLabel: 'share of rows',
        min: 0,
        targets: [
          {
            expr: `sightline_data_quality_share{${MVF}}`,
            legend: '{{model}} v{{version}} {{feature}} {{kind}}',
          },
        ],
      }),
      timeseries({
        title: 'Predicted label distribution',
        description: 'Share of each predicted label (or value bin) in the drift window, per model version.',
        unit: 'percentunit',
        axisLabel: 'share of predictions',
        stack: true,
        min: 0,
        targets: [{ expr: `sightline_prediction_share{${MV}}`, legend: '{{model}} v{{version}} {{label}}' }],
      }),
      'Drift job',
      ...jobPanels(config, 'drift'),
    ],
  });
};
