import { Injectable } from '@nestjs/common';
import { Counter, Metric, OpenMetricsContentType, Registry } from 'prom-client';
import { MetricsRegistry } from './metrics.registry';

const OPENMETRICS = 'application/openmetrics-text';

/** The highest q-value the Accept header gives exactly this media type (0 when it is absent). */
function quality(accept: string, mediaType: string): number {
  let best = 0;
  for (const part of accept.split(',')) {
    const [type, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (type !== mediaType) continue;
    const q = params.find((p) => p.startsWith('q='));
    const value = q ? Number(q.slice(2)) : 1;
    if (Number.isFinite(value)) best = Math.max(best, value);
  }
  return best;
}

/** OpenMetrics only when the scraper names it and does not prefer plain text (Prometheus does). */
export function wantsOpenMetrics(accept: string | undefined): boolean {
  if (!accept) return false;
  const om = quality(accept, OPENMETRICS);
  return om > 0 && om >= quality(accept, 'text/plain');
}

/**
 * A registry in OpenMetrics mode over the same metric objects. prom-client renames counters in
 * place when it renders OpenMetrics (it strips `_total`), which would corrupt the next plain
 * scrape; counters therefore enter the view as thin shadows with a name of their own.
 */
function openMetricsView(source: Registry): Registry<OpenMetricsContentType> {
  const view = new Registry<OpenMetricsContentType>();
  view.setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
  for (const metric of source.getMetricsAsArray()) {
    const entry =
      metric instanceof Counter
        ? (Object.create(metric, { name: { value: metric.name, writable: true } }) as Metric)
        : (metric as unknown as Metric);
    view.registerMetric(entry);
  }
  return view;
}

export interface Exposition {
  contentType: string;
  body: string;
}

/** Renders the registry for a scrape, in the format the Accept header asks for. */
@Injectable()
export class MetricsExposition {
  constructor(private readonly metrics: MetricsRegistry) {}

  async render(accept: string | undefined): Promise<Exposition> {
    const registry = this.metrics.registry;
    if (wantsOpenMetrics(accept)) {
      return {
        contentType: Registry.OPENMETRICS_CONTENT_TYPE,
        body: await openMetricsView(registry).metrics(),
      };
    }
    return { contentType: Registry.PROMETHEUS_CONTENT_TYPE, body: await registry.metrics() };
  }
}
