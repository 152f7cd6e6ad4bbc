import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { BULK_FEEDBACK_PATH } from './feedback.controller';

/**
 * Gives POST /v1/feedback its own body limit (FEEDBACK_BULK_BODY_LIMIT_BYTES): 10,000 labels do
 * not fit in the global BODY_LIMIT_BYTES, and raising that for every route would let any client
 * send megabytes to /predict. Nest registers routes after it has built the providers, so an
 * onRoute hook added here, at construction, sees the route being registered.
 */
@Injectable()
export class FeedbackBodyLimit {
  constructor(host: HttpAdapterHost, @Inject(APP_CONFIG) config: AppConfig) {
    const fastify = host.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (typeof fastify?.addHook !== 'function') return;
    const limit = Math.max(config.feedback.bulkBodyLimitBytes, config.bodyLimitBytes);
    fastify.addHook('onRoute', (route: RouteOptions) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      if (route.url === BULK_FEEDBACK_PATH && methods.includes('POST')) route.bodyLimit = limit;
    });
  }
}
