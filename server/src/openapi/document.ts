import { z } from '@strapi/utils';
import type { RequestHeader, Route, RouteDoc, Shape } from '../routes/types';
import { apiError } from './bodies';

type Json = Record<string, unknown>;
type Io = 'input' | 'output';

/** A zod schema as JSON Schema 2020-12, the dialect of OpenAPI 3.1. */
function jsonSchema(schema: z.ZodType, io: Io): Json {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });
  const { $schema: _dialect, ...rest } = out as Json;
  return rest;
}

const HEADERS: Record<RequestHeader, Json> = {
  'Accept-Language': {
    name: 'Accept-Language',
    in: 'header',
    description: 'Used when `?locale=` is absent.',
    schema: { type: 'string' },
  },
  'If-None-Match': {
    name: 'If-None-Match',
    in: 'header',
    description: 'The ETag of a previous answer: 304 when unchanged.',
    schema: { type: 'string' },
  },
  'Idempotency-Key': {
    name: 'Idempotency-Key',
    in: 'header',
    description: 'Up to 200 characters; a retry with the same key replays the first answer.',
    schema: { type: 'string', maxLength: 200 },
  },
  'Sec-GPC': {
    name: 'Sec-GPC',
    in: 'header',
    description:
      'Global Privacy Control, sent by the browser: `1` is kept on the decision as evidence; a purpose the operator declares GPC applies to is granted only with `gpcAcknowledged: true`.',
    schema: { type: 'string', enum: ['1'] },
  },
};

/** A route's `{ key: schema }` → OpenAPI parameters in `where`. */
function parameters(shape: Shape | undefined, where: 'path' | 'query'): Json[] {
  if (!shape) return [];
  const s = jsonSchema(z.object(shape), 'input') as {
    properties?: Record<string, Json>;
    required?: string[];
  };
  return Object.entries(s.properties ?? {}).map(([name, prop]) => ({
    name,
    in: where,
    required: where === 'path' || (s.required ?? []).includes(name),
    schema: prop,
  }));
}

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid input: the message names the field, `details.errors` lists each problem',
  401: 'Invalid credentials',
  403: 'The caller may not use this route (Users & Permissions, API token scope)',
  404: 'Unknown policy, edition, form or checkpoint',
  409: 'A stale edition, a shown text (hash) other than the one recorded, or an anonymous change to a person whose e-mail is confirmed (`CONFIRMED_PERSON`)',
  410: 'The confirmation link expired, or its submission is no longer waiting',
  413: 'The body is over the configured limit',
  415: 'A Content-Encoding, charset or media type the route does not take (send UTF-8 JSON, plain or gzip/deflate/br)',
  422: 'The Idempotency-Key was used before with another body',
  429: 'Over an abuse limit (per client address or per person): retry after `Retry-After` seconds; nothing was written',
  500: 'A failure of the server or its database: nothing was written',
};

function responses(op: RouteDoc, response: z.ZodType): Json {
  const out: Json = {};
  const cacheHeaders = op.cacheable
    ? {
        ETag: { schema: { type: 'string' } },
        'Cache-Control': { schema: { type: 'string' } },
        Vary: { schema: { type: 'string' }, description: 'Origin, Accept-Language' },
      }
    : undefined;
  const body = { 'application/json': { schema: jsonSchema(response, 'output') } };
  out[op.status] = {
    description: op.status === 201 ? 'Created' : 'OK',
    ...(cacheHeaders ? { headers: cacheHeaders } : {}),
    content: op.html ? { ...body, 'text/html': { schema: { type: 'string' } } } : body,
  };
  if (op.accepted) {
    out[op.accepted.status] = {
      description: op.accepted.description,
      content: {
        'application/json': { schema: jsonSchema(op.accepted.body, 'output') },
      },
    };
  }
  if (op.cacheable) out[304] = { description: 'Not modified', headers: cacheHeaders };
  for (const status of [...new Set([...op.errors, 401, 403, 500])].sort()) {
    out[status] = {
      description: ERROR_TEXT[status] ?? 'Error',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  return out;
}

/**
 * The OpenAPI 3.1 document of the content API, built from its route
 * declarations (routes/content-api.ts): the schemas requests are validated
 * with, the response schemas and each route's `doc`. `base` is where the
 * plugin's routes live, e.g. "/api/policy-ledger".
 */
export function openApiDocument(routes: readonly Route[], base: string, version: string): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const op = route.doc;
    if (!op) throw new Error(`The route ${route.handler} has no doc for the OpenAPI document`);
    const { params, query, body } = route.request;
    const path = base + route.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      operationId: route.handler.replace('.', '_'),
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [op.tag],
      parameters: [
        ...parameters(params, 'path'),
        ...parameters(query, 'query'),
        ...(op.headers ?? []).map((h) => HEADERS[h]),
      ],
      ...(body
        ? {
            requestBody: {
              required: !body['application/json'].safeParse(undefined).success,
              content: Object.fromEntries(
                Object.entries(body).map(([media, schema]) => [
                  media,
                  { schema: jsonSchema(schema, 'input') },
                ]),
              ),
            },
          }
        : {}),
      responses: responses(op, route.response),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Policy Ledger content API',
      version,
      description:
        'Privacy policy editions, collection forms and the consent ledger (strapi-plugin-policy-ledger).',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'Policies' },
      { name: 'Forms' },
      { name: 'Consents' },
      { name: 'Checkpoints' },
      { name: 'Contract' },
    ],
    paths,
    components: { schemas: { Error: jsonSchema(apiError, 'output') } },
  };
}
