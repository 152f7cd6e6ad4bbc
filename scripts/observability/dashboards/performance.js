// Model performance from delayed labels: quality per window, label coverage and label delay.
const { dashboard, timeseries, stateTimeline, valueMappings, queryVariable } = require('../grafana');
const { modelVariables, MV } = require('./variables');
const { jobPanels } = require('./jobs');

const MVW = `${MV}, window=~"$window"`;
const perf = (metrics) => `sightline_model_performance{${MVW}, metric=~"${metrics}"}`;
const legend = '{{model}} v{{version}} {{metric}} ({{window}})';

module.exports = function performance(config) {
  const threshold = (metric) => config.performance.objectives.find((o) => o.metric === metric && !o.model);
  return dashboard({
    uid: 'sightline-performance',
    title: 'Sightline / Model performance',
    description: 'Model quality computed from feedback (delayed ground truth), per model version and window.',
    variables: [
      ...modelVariables,
      queryVariable('window', 'Window', 'label_values(sightline_model_performance{model=~"$model"}, window)'),
    ],
    items: [
      'Classification',
      timeseries({
        title: 'Accuracy and F1',
        description:
          'Accuracy and macro-averaged F1, precision and recall over each sliding window; the dashed line ' +
          'is the accuracy threshold of SightlineModelPerformanceBelowThreshold.',
        unit: 'percentunit',
        axisLabel: 'score (0–1)',
        min: 0,
        max: 1,
        threshold: threshold('accuracy')?.below,
        targets: [{ expr: perf('accuracy|f1_macro|precision_macro|recall_macro'), legend }],
      }),
      timeseries({
        title: 'ROC AUC and log loss',
        description: 'ROC AUC (binary classifiers; left) and log loss (right, lower is better).',
        unit: 'short',
        axisLabel: 'ROC AUC',
        overrides: [
          {
            matcher: { id: 'byFrameRefID', options: 'B' },
            properties: [
              { id: 'custom.axisPlacement', value: 'right' },
              { id: 'custom.axisLabel', value: 'log loss (nats)' },
            ],
          },
        ],
        targets: [
          { expr: perf('roc_auc'), legend },
          { expr: perf('log_loss'), legend },
        ],
      }),
      'Estimated without labels (CBPE)',
      timeseries({
        title: 'Accuracy: estimated and realized',
        description:
          'CBPE estimates accuracy from the calibrated probabilities of every prediction, before labels arrive ' +
          '(solid), with its confidence band (±3 sampling errors, dotted); the realized accuracy from feedback is ' +
          'drawn on the same axis once labels come in. The dashed line is the lower edge of the band the ' +
          "reference's chunks span: SightlineEstimatedPerformanceDegraded fires below it.",
        unit: 'percentunit',
        axisLabel: 'accuracy (0–1)',
        min: 0,
        max: 1,
        size: [24, 9],
        overrides: [
          {
            matcher: { id: 'byFrameRefID', options: 'B' },
            properties: [{ id: 'custom.lineStyle', value: { fill: 'dot', dash: [2, 6] } }],
          },
          {
            matcher: { id: 'byFrameRefID', options: 'D' },
            properties: [{ id: 'custom.lineStyle', value: { fill: 'dash', dash: [10, 10] } }],
          },
        ],
        targets: [
          {
            expr: `sightline_model_performance_estimated{${MVW}, metric="accuracy"}`,
            legend: '{{model}} v{{version}} estimated ({{window}})',
          },
          {
            expr: `sightline_model_performance_estimated_bound{${MVW}, metric="accuracy"}`,
            legend: '{{model}} v{{version}} estimate {{bound}} bound ({{window}})',
          },
          {
            expr: `sightline_model_performance{${MVW}, metric="accuracy"}`,
            legend: '{{model}} v{{version}} realized ({{window}})',
          },
          {
            expr: `sightline_model_performance_threshold{${MV}, metric="accuracy", bound="lower"}`,
            legend: '{{model}} v{{version}} reference lower threshold',
          },
        ],
      }),
      timeseries({
        title: 'Estimated F1, precision, recall and ROC AUC',
        description:
          'The other figures CBPE estimates (macro averages over the classes; ROC AUC for binary models), ' +
          'each next to its realized value once labels arrive.',
        unit: 'percentunit',
        axisLabel: 'score (0–1)',
        min: 0,
        max: 1,
        overrides: [
          {
            matcher: { id: 'byFrameRefID', options: 'B' },
            properties: [{ id: 'custom.lineStyle', value: { fill: 'dash', dash: [10, 10] } }],
          },
        ],
        targets: [
          {
            expr: `sightline_model_performance_estimated{${MVW}, metric=~"f1_macro|precision_macro|recall_macro|roc_auc"}`,
            legend: '{{model}} v{{version}} {{metric}} estimated ({{window}})',
          },
          {
            expr: `sightline_model_performance{${MVW}, metric=~"f1_macro|precision_macro|recall_macro|roc_auc"}`,
            legend: '{{model}} v{{version}} {{metric}} realized ({{window}})',
          },
        ],
      }),
      timeseries({
        title: 'Estimation error (estimated − realized)',
        description:
          "How far CBPE's estimate is from the realized figure on the predictions whose labels have arrived: " +
          'near 0 means the estimate can be trusted for this model.',
        unit: 'short',
        axisLabel: 'estimated − realized',
        targets: [
          {
            expr: `sightline_model_performance_estimation_error{${MVW}}`,
            legend: '{{model}} v{{version}} {{metric}} ({{window}})',
          },
        ],
      }),
      stateTimeline({
        title: 'Enough predictions to estimate',
        description:
          `Windows with fewer predictions than PERFORMANCE_MIN_SAMPLE (${config.performance.minSample}) have no ` +
          'estimate exported (insufficient data).',
        unit: 'bool',
        mappings: valueMappings({ 0: ['enough predictions', 'green'], 1: ['insufficient data', 'orange'] }),
        targets: [
          {
            expr: `sightline_performance_estimated_insufficient_data{${MVW}}`,
            legend: '{{model}} v{{version}} ({{window}})',
          },
        ],
      }),
      'Regression',
      timeseries({
        title: 'MAE and RMSE',
        description: 'Mean absolute error and root mean squared error, in the units of the target.',
        unit: 'short',
        axisLabel: 'target units',
        min: 0,
        targets: [{ expr: perf('mae|rmse'), legend }],
      }),
      timeseries({
        title: 'R² and MAPE',
        description:
          'Coefficient of determination (left; 1 is perfect) and mean absolute percentage error (right).',
        unit: 'short',
        axisLabel: 'R²',
        threshold: threshold('r2')?.below,
        overrides: [
          {
            matcher: { id: 'byFrameRefID', options: 'B' },
            properties: [
              { id: 'unit', value: 'percentunit' },
              { id: 'custom.axisPlacement', value: 'right' },
              { id: 'custom.axisLabel', value: 'MAPE' },
            ],
          },
        ],
        targets: [
          { expr: perf('r2'), legend },
          { expr: perf('mape'), legend },
        ],
      }),
      'Labels',
      timeseries({
        title: 'Label coverage',
        description: 'Share of predictions in the window that have received feedback.',
        unit: 'percentunit',
        axisLabel: 'share of predictions',
        min: 0,
        max: 1,
        targets: [
          { expr: `sightline_label_coverage_ratio{${MVW}}`, legend: '{{model}} v{{version}} ({{window}})' },
        ],
      }),
      stateTimeline({
        title: 'Enough labels to trust the figures',
        description:
          `Windows with fewer labelled predictions than PERFORMANCE_MIN_SAMPLE (${config.performance.minSample}) ` +
          'have their figures withheld from the panels above and from the alerts (insufficient data).',
        unit: 'bool',
        mappings: valueMappings({ 0: ['enough labels', 'green'], 1: ['insufficient data', 'orange'] }),
        targets: [
          {
            expr: `sightline_performance_insufficient_data{${MVW}}`,
            legend: '{{model}} v{{version}} ({{window}})',
          },
        ],
      }),
      timeseries({
        title: 'Label delay',
        description: 'Median time from a prediction to its feedback, per window.',
        unit: 's',
        axisLabel: 'seconds',
        min: 0,
        targets: [
          { expr: `sightline_label_delay_seconds{${MVW}}`, legend: '{{model}} v{{version}} ({{window}})' },
        ],
      }),
      'Performance jobs',
      ...jobPanels(config, 'performance'),
      ...jobPanels(config, 'performance_estimation'),
    ],
  });
};
