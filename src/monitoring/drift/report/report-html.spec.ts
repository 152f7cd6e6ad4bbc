import { DriftReport, FeatureDrift } from './drift-report.types';
import { renderReportHtml } from './report-html';

const hostile = '<script>alert("x")</script>';

const feature: FeatureDrift = {
  name: 'home_ownership',
  kind: 'categorical',
  test: 'jensenshannon',
  test_source: 'default',
  score: 0.2,
  threshold: 0.1,
  score_kind: 'distance',
  drift_detected: true,
  verdict: 'drift',
  reference_size: 10,
  current_size: 10,
  min_sample: 5,
  statistics: { jensen_shannon: 0.2, chi_square: { statistic: null, p_value: 0, degrees_of_freedom: 2 } },
  unseen_categories: [{ category: hostile, count: 2 }],
  data_quality: { missing: 0, missing_share: 0, unseen_category: 2, unseen_category_share: 0.2 },
  chart: { labels: ['own', hostile], reference: [1, 0], current: [0.8, 0.2] },
};

const report: DriftReport = {
  id: '019ab000-0000-7000-8000-000000000000',
  model: { name: 'loan-risk', version: '2' },
  trigger: 'manual',
  status: 'completed',
  window: { from: '2026-11-23T11:00:00.000Z', to: '2026-11-23T12:00:00.000Z' },
  reference: { source: 'file', rows: 10, source_rows: 10, created_at: '2026-11-23T10:00:00.000Z' },
  sample_sizes: { reference: 10, current: 10 },
  dataset: {
    verdict: 'drift',
    drift_share: 1,
    drift_detected: true,
    share_threshold: 0.5,
    drifted_features: ['home_ownership'],
    tested_features: 1,
    monitored_features: 1,
    insufficient_data_features: [],
    correction: 'none',
  },
  features: [feature],
  prediction: null,
  skipped_features: [{ name: 'ssn', reason: 'sanitized before logging (drop)' }],
  created_at: '2026-11-23T12:00:00.000Z',
  completed_at: '2026-11-23T12:00:01.000Z',
  duration_ms: 12,
  error: null,
};

describe(renderReportHtml.name, () => {
  const html = renderReportHtml(report);

  it('escapes every value that comes from the data: no script can sneak in', () => {
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('draws a bar per category on each side and shows the verdicts', () => {
    expect(html.match(/<rect class="bar ref"/g)).toHaveLength(2);
    expect(html.match(/<rect class="bar cur"/g)).toHaveLength(2);
    expect(html).toContain('<span class="verdict drift">drift</span>');
    expect(html).toContain('chi-square</dt><dd>∞, p = 0');
    expect(html).toContain('Not monitored: ssn');
  });
});
