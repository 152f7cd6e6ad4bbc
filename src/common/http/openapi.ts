import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { dump } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sightlineVersion } from '../version';
import { applyContract, ContractOptions } from './openapi-contract';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sightline API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/docs/openapi.json', dom_id: '#swagger-ui' });</script>
</body></html>`;

// `predictionPredict` rather than `PredictionController_predict`: generators name functions after these
const operationIdFactory = (controller: string, method: string): string =>
  controller.charAt(0).toLowerCase() +
  controller.slice(1).replace(/Controller$/, '') +
  method.charAt(0).toUpperCase() +
  method.slice(1);

/**
 * OpenAPI from the DTO decorators, made a contract (openapi-contract.ts): the JSON at
 * /docs/openapi.json and a browsable page at /docs, whose assets come from swagger-ui-dist on disk
 * (no CDN, works offline).
 */
export function setupOpenApi(app: NestFastifyApplication, contract: ContractOptions): void {
  const config = new DocumentBuilder()
    .setTitle('Sightline')
    .setDescription(
      'Observability-first inference for ONNX models: predictions, feedback, drift and performance',
    )
    .setVersion(sightlineVersion())
    .setLicense('UNLICENSED', 'https://docs.npmjs.com/cli/configuring-npm/package-json#license')
    .addServer('/', 'the server that serves this document')
    .build();
  const document = applyContract(SwaggerModule.createDocument(app, config, { operationIdFactory }), contract);
  // served here rather than by SwaggerModule.setup, whose async handlers do not return the reply
  // (an async onSend hook, such as response compression, then races them)
  const json = JSON.stringify(document);
  const yaml = dump(document, { noRefs: true });
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
  fastify.get('/docs/openapi.json', (_req, reply) =>
    reply.type('application/json; charset=utf-8').send(json),
  );
  fastify.get('/docs/openapi.yaml', (_req, reply) => reply.type('text/yaml; charset=utf-8').send(yaml));
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
