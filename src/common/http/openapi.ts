import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sightline API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/docs/openapi.json', dom_id: '#swagger-ui' });</script>
</body></html>`;

/**
 * OpenAPI from the DTO decorators: the JSON at /docs/openapi.json and a browsable page at /docs,
 * whose assets come from swagger-ui-dist on disk (no CDN, works offline).
 */
export function setupOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Sightline')
    .setDescription(
      'Observability-first inference for ONNX models: predictions, feedback, drift and performance',
    )
    .setVersion(process.env.npm_package_version ?? '0.1.0')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, {
    ui: false,
    jsonDocumentUrl: 'docs/openapi.json',
    yamlDocumentUrl: 'docs/openapi.yaml',
  });

  const assetsDir = dirname(require.resolve('swagger-ui-dist/package.json'));
  const assets: Record<string, { type: string; body: Buffer }> = {
    'swagger-ui.css': { type: 'text/css', body: readFileSync(join(assetsDir, 'swagger-ui.css')) },
    'swagger-ui-bundle.js': {
      type: 'application/javascript',
      body: readFileSync(join(assetsDir, 'swagger-ui-bundle.js')),
    },
  };
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/docs', (_req, reply) => reply.type('text/html; charset=utf-8').send(PAGE));
  fastify.get<{ Params: { file: string } }>('/docs/assets/:file', (req, reply) => {
    // own keys only: "constructor" or "__proto__" must not find Object.prototype members
    const asset = Object.hasOwn(assets, req.params.file) ? assets[req.params.file] : undefined;
    if (!asset)
      return reply
        .code(404)
        .type('application/problem+json')
        .send({ type: 'about:blank', title: 'Not found', status: 404, detail: 'No such asset' });
    return reply.type(asset.type).header('cache-control', 'public, max-age=86400').send(asset.body);
  });
}
