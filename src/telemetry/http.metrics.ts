import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { ModelRegistry } from '../model-registry/model-registry.service';
import { counter, exemplarHistogram, LATENCY_BUCKETS, traceExemplar } from './metric-kit';
import { MetricsRegistry } from './metrics.registry';

type HttpLabel = 'route' | 'method' | 'status_class' | 'model';

export interface HttpObservation {
  /** The route template (`/v1/models/:name/predict`), `unmatched` when no route answered. */
  route: string;
  method: string;
  statusCode: number;
  model: string;
  seconds: number;
  /** The sampled trace of the request, kept as the exemplar of its bucket. */
  traceId?: string;
}

export const UNMATCHED_ROUTE = 'unmatched';

/** `sightline_http_*`: every answered request, labelled by route template, never by raw URL. */
@Injectable()
export class HttpMetrics {
  private readonly requests: Counter<HttpLabel>;
  private readonly duration: Histogram<HttpLabel>;

  constructor(metrics: MetricsRegistry) {
    const labelNames = ['route', 'method', 'status_class', 'model'] as const;
    this.requests = counter(metrics.registry, {
      name: 'sightline_http_requests_total',
      help: 'HTTP requests answered, by route template, method, status class and model',
      labelNames,
    });
    this.duration = exemplarHistogram(metrics.registry, {
      name: 'sightline_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route template, method, status class and model',
      labelNames,
      buckets: LATENCY_BUCKETS,
    });
  }

  observe(o: HttpObservation): void {
    const labels = {
      route: o.route,
      method: o.method,
      status_class: `${Math.floor(o.statusCode / 100)}xx`,
      model: o.model,
    };
    this.requests.inc(labels);
    this.duration.observe({
      labels,
      value: o.seconds,
      exemplarLabels: traceExemplar(o.traceId),
    });
  }
}

const MODEL_PARAM = /\/models\/:([A-Za-z0-9_]+)/;
const DEFAULT_MODEL_ROUTES = new Set(['/predict']);

/**
 * The `model` label of a request: the model its route addresses when the registry knows it,
 * `unknown` when it does not (so a client cannot mint series), empty for routes about no model.
 */
@Injectable()
export class ModelLabeler {
  private readonly paramOf = new Map<string, string | null>();

  constructor(private readonly registry: ModelRegistry) {}

  label(route: string, params: unknown): string {
    if (DEFAULT_MODEL_ROUTES.has(route)) return this.known(this.registry.defaultModelName());
    let param = this.paramOf.get(route);
    if (param === undefined) {
      param = MODEL_PARAM.exec(route)?.[1] ?? null;
      this.paramOf.set(route, param);
    }
    if (param === null) return '';
    const value = (params as Record<string, unknown> | undefined)?.[param];
    return this.known(typeof value === 'string' ? value : undefined);
  }

  private known(name: string | undefined): string {
    if (!name) return 'unknown';
    try {
      return this.registry.get(name).name;
    } catch {
      return 'unknown';
    }
  }
}
