/**
 * Routes that answer without a key: probes, the Prometheus scrape and the API documentation.
 * Matched on Fastify's route template (what will actually run), never on the raw URL, so
 * `/health/../v1/models` cannot sneak past.
 */
export function isPublicRoute(template: string | undefined): boolean {
  if (template === undefined) return false;
  return (
    template === '/metrics' ||
    template.startsWith('/health/') ||
    template === '/docs' ||
    template.startsWith('/docs/') ||
    template.startsWith('/v2/health/')
  );
}
