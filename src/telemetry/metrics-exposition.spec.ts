import { Counter } from 'prom-client';
import { exemplarHistogram } from './metric-kit';
import { MetricsExposition, wantsOpenMetrics } from './metrics-exposition';
import { MetricsRegistry } from './metrics.registry';

describe(MetricsExposition.name, () => {
  describe(wantsOpenMetrics.name, () => {
    it.each([
      [undefined, false],
      ['*/*', false],
      ['text/plain;version=0.0.4', false],
      ['application/openmetrics-text', true],
      // what Prometheus sends
      [
        'application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1',
        true,
      ],
      ['text/plain;q=0.9, application/openmetrics-text;q=0.5', false],
      ['application/openmetrics-text;q=0', false],
    ])('%s → %s', (accept, expected) => {
      expect(wantsOpenMetrics(accept)).toBe(expected);
    });
  });

  function setUp() {
    const metrics = new MetricsRegistry();
    const requests = new Counter({ name: 'demo_requests_total', help: 'h', registers: [metrics.registry] });
    const latency = exemplarHistogram(metrics.registry, {
      name: 'demo_seconds',
      help: 'h',
      labelNames: ['route'],
      buckets: [0.1, 1],
    });
    requests.inc(3);
    const exemplarLabels: Record<string, string> = { trace_id: 'abc' };
    latency.observe({ labels: { route: '/a' }, value: 0.05, exemplarLabels });
    return new MetricsExposition(metrics);
  }

  it('renders plain text without exemplars by default', async () => {
    const { contentType, body } = await setUp().render(undefined);
    expect(contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(body).toContain('# TYPE demo_requests_total counter\ndemo_requests_total 3');
    expect(body).toContain('demo_seconds_bucket{le="0.1",route="/a"} 1\n');
  });

  it('renders OpenMetrics with exemplars, and leaves the next plain scrape intact', async () => {
    const exposition = setUp();
    const om = await exposition.render('application/openmetrics-text');
    expect(om.contentType).toBe('application/openmetrics-text; version=1.0.0; charset=utf-8');
    expect(om.body).toContain('# TYPE demo_requests counter\ndemo_requests_total 3');
    expect(om.body).toMatch(/demo_seconds_bucket\{le="0.1",route="\/a"\} 1 # \{trace_id="abc"\} 0.05 \d+/);
    expect(om.body.endsWith('# EOF\n')).toBe(true);
    const plain = await exposition.render('text/plain');
    expect(plain.body).toContain('# TYPE demo_requests_total counter\ndemo_requests_total 3');
  });
});
