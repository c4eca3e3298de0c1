/**
 * Every route is declared once, with its whole contract: the schemas of its
 * path parameters, query and body, and of its answer. Validation reads them
 * (server/src/validation/input.ts) and so does the OpenAPI document; a route
 * that lacks one fails here.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from '@strapi/utils';
import { openApiDocument } from '../../server/src/openapi/document';
import { adminRoutes } from '../../server/src/routes/admin';
import { contentApiRoutes } from '../../server/src/routes/content-api';
import type { Route } from '../../server/src/routes/types';

const tables: Array<[string, readonly Route[]]> = [
  ['content API', contentApiRoutes],
  ['admin API', adminRoutes],
];

const pathParams = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]).sort();

/** What is missing from a route's declaration, as sentences (empty: nothing). */
function lacks(route: Route): string[] {
  const problems: string[] = [];
  const { params, query, body } = route.request;
  const declared = Object.keys(params ?? {}).sort();
  if (JSON.stringify(declared) !== JSON.stringify(pathParams(route.path))) {
    problems.push(`params ${JSON.stringify(declared)} are not the path's ${route.path}`);
  }
  for (const [name, schema] of Object.entries({ ...params, ...query })) {
    if (!(schema instanceof z.ZodType)) problems.push(`${name} has no schema`);
  }
  if (route.method === 'GET') {
    if (!query) problems.push('a GET route declares no query (use {} for none)');
    if (body) problems.push('a GET route declares a body');
  } else if (!(body?.['application/json'] instanceof z.ZodType)) {
    problems.push('a POST route declares no application/json body (use noBody() for none)');
  }
  if (!(route.response instanceof z.ZodType)) problems.push('no response schema');
  return problems;
}

describe('route declarations', () => {
  for (const [name, routes] of tables) {
    it(`every ${name} route declares params, query or body, and its response`, () => {
      const problems = routes.flatMap((r) =>
        lacks(r).map((p) => `${r.method} ${r.path} (${r.handler}): ${p}`),
      );
      assert.deepEqual(problems, []);
      assert.ok(routes.length > 10);
    });
  }

  it('finds a route that lacks a schema', () => {
    const bare = { method: 'POST', path: '/x/:id', handler: 'x.y', config: {}, request: {} };
    assert.equal(lacks({ ...bare, response: z.string() } as Route).length, 2);
    const noResponse = { ...bare, request: { params: { id: z.string() }, body: {} } };
    assert.deepEqual(lacks(noResponse as unknown as Route), [
      'a POST route declares no application/json body (use noBody() for none)',
      'no response schema',
    ]);
  });

  it('every content-API route has a doc, and the OpenAPI document has every route', () => {
    const doc = openApiDocument(contentApiRoutes, '/api/policy-ledger', '0.0.0') as {
      paths: Record<string, Record<string, { parameters: Array<{ name: string }> }>>;
    };
    for (const route of contentApiRoutes as readonly Route[]) {
      assert.ok(route.doc, `${route.handler} has a doc`);
      const path = '/api/policy-ledger' + route.path.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[path]?.[route.method.toLowerCase()];
      assert.ok(op, `${route.method} ${path} is in the document`);
      const names = op.parameters.map((p) => p.name);
      for (const name of Object.keys({ ...route.request.params, ...route.request.query })) {
        assert.ok(names.includes(name), `${route.handler} documents ${name}`);
      }
    }
  });
});
