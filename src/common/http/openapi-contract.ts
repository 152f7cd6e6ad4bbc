import type {
  OpenAPIObject,
  OperationObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** What the document cannot learn from the decorators: which routes are public, which speak v2. */
export interface ContractOptions {
  /** Routes that answer without an API key (Fastify templates, `:param`). */
  isPublic(template: string): boolean;
  /** Routes whose errors are the Open Inference Protocol's `{"error"}`, not problem+json. */
  usesProtocolErrors(path: string): boolean;
  /** Schemas written by hand (components/schemas), e.g. the protocol's recursive tensor data. */
  schemas?: Record<string, SchemaObject>;
}

export const SECURITY_SCHEMES = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API key, or an OIDC access token (a JWT, when AUTH_JWT_ISSUER is set), as `Authorization: Bearer <token>`; scopes: predict, feedback, read, admin',
  },
  api_key: { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'The same key in `X-API-Key`' },
} as const;

const FIELD_ERROR: SchemaObject = {
  type: 'object',
  required: ['field', 'message'],
  properties: { field: { type: 'string', example: 'features.age' }, message: { type: 'string' } },
};

/** RFC 9457 problem details, as src/common/errors/problem-details.filter.ts writes them. */
const PROBLEM: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', example: 'urn:sightline:problem:validation-failed' },
    title: { type: 'string', example: 'Validation failed' },
    status: { type: 'integer', example: 422 },
    detail: { type: 'string', example: 'The request does not match the schema' },
    instance: { type: 'string', example: '/predict' },
    request_id: { type: 'string' },
    errors: { type: 'array', items: { $ref: '#/components/schemas/FieldError' } },
  },
  additionalProperties: true,
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

function errorResponse(description: string, protocol: boolean): ResponseObject {
  return protocol
    ? {
        description,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ProtocolError' } } },
      }
    : {
        description,
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
}

/** The error answers the HTTP pipeline gives an operation, whatever its controller says. */
function pipelineErrors(
  path: string,
  op: OperationObject,
  isPublic: boolean,
  protocol: boolean,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const hasBody = op.requestBody !== undefined;
  const hasQuery = (op.parameters ?? []).some((p) => 'in' in p && p.in === 'query');
  if (hasBody) {
    errors['400'] = protocol ? 'a malformed request, or tensors the model cannot take' : 'malformed JSON';
    errors['413'] = 'the body is over the size limit';
    errors['415'] = 'a content type or encoding the route does not read';
  }
  if (!protocol && (hasBody || hasQuery)) errors['422'] = 'a field fails validation (each one is named)';
  if (/\{(name|id)\}/.test(path)) errors['404'] = 'no such model, version or record';
  if (!isPublic) {
    errors['401'] = 'no valid API key';
    errors['403'] = 'the key lacks the scope or the model';
    errors['429'] = "over the key's rate limit (see Retry-After)";
  }
  errors['4XX'] = 'any other client error';
  return errors;
}

/** Schema names without the `Dto` suffix the classes carry: `PredictResponse`, not `PredictResponseDto`. */
function dropDtoSuffix(document: OpenAPIObject): OpenAPIObject {
  const schemas = document.components?.schemas ?? {};
  const renamed: Record<string, string> = {};
  for (const name of Object.keys(schemas)) {
    const short = name.replace(/Dto$/, '');
    if (short !== name && (schemas[short] !== undefined || Object.values(renamed).includes(short)))
      throw new Error(`OpenAPI schema ${name} would collide with ${short}`);
    renamed[name] = short;
  }
  const json = JSON.stringify(document).replace(
    /"#\/components\/schemas\/([^"]+)"/g,
    (_m, name: string) => `"#/components/schemas/${renamed[name] ?? name}"`,
  );
  const out = JSON.parse(json) as OpenAPIObject;
  out.components!.schemas = Object.fromEntries(
    Object.entries(out.components!.schemas ?? {}).map(([name, schema]) => [renamed[name] ?? name, schema]),
  );
  return out;
}

/**
 * Makes the generated document a contract a generator can use: per-operation security (public
 * routes say `security: []`), the errors every route can answer as problem+json or `{"error"}`,
 * the hand-written schemas, and schema names without the Dto suffix.
 */
export function applyContract(generated: OpenAPIObject, options: ContractOptions): OpenAPIObject {
  const document = dropDtoSuffix(generated);
  document.components = {
    ...document.components,
    securitySchemes: { ...SECURITY_SCHEMES },
    schemas: {
      ...document.components?.schemas,
      ...options.schemas,
      FieldError: FIELD_ERROR,
      Problem: PROBLEM,
    },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    const template = path.replace(/\{([^}]+)\}/g, ':$1');
    const isPublic = options.isPublic(template);
    const protocol = options.usesProtocolErrors(path);
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      op.security = isPublic ? [] : [{ bearer: [] }, { api_key: [] }];
      for (const [status, description] of Object.entries(pipelineErrors(path, op, isPublic, protocol))) {
        op.responses[status] ??= errorResponse(description, protocol);
      }
      // an error a controller declared without a body gets the route's error schema
      for (const [status, response] of Object.entries(op.responses)) {
        if (/^[45]/.test(status) && response && 'description' in response && response.content === undefined)
          op.responses[status] = errorResponse(response.description, protocol);
      }
    }
  }
  return document;
}
