import type { z } from '@strapi/utils';

/** The schemas of a route's fields, one per name (`{ key: key() }`), as Strapi 5 routes take them. */
export type Shape = Record<string, z.ZodType>;

/**
 * Strapi 5's route `request`: the path parameters, query parameters and body
 * a route takes. validation/input.ts checks every request against them and
 * openapi/document.ts describes them, so a route's input is declared here only.
 */
export interface RouteRequest {
  params?: Shape;
  query?: Shape;
  body?: { 'application/json': z.ZodType } & Record<string, z.ZodType>;
}

export type RequestHeader = 'Accept-Language' | 'If-None-Match' | 'Idempotency-Key' | 'Sec-GPC';

/** What the OpenAPI document says of a content-API route beside its schemas. */
export interface RouteDoc {
  summary: string;
  description?: string;
  tag: 'Policies' | 'Forms' | 'Consents' | 'Checkpoints' | 'Contract';
  headers?: RequestHeader[];
  /** The success status; `response` is its body. */
  status: 200 | 201;
  /** The success answer is also a page, for a browser (Accept: text/html). */
  html?: boolean;
  /** A second success: accepted, not yet done (202), with its body. */
  accepted?: { status: 202; body: z.ZodType; description: string };
  /** Answers 304 to a matching If-None-Match, with ETag and Cache-Control. */
  cacheable?: boolean;
  /** Error statuses, each with Strapi's error body. 401, 403 and 500 are added to every route. */
  errors: number[];
}

/**
 * A route of the plugin, declared once: method, path, handler, Strapi config,
 * and its contract — `request` (what it takes) and `response` (the success
 * body, Strapi 5's route `response`). A file download's `response` is
 * `fileBody` (not JSON). `H` is its "controller.action": the route tables keep
 * their handler strings as literal types, and controllers/index.ts checks that
 * each names an action that exists (a typo is a compile error), so this file
 * imports no controller. tests/unit/routes.test.ts fails on a route that
 * lacks a schema.
 */
export interface Route<H extends string = string> {
  method: 'GET' | 'POST';
  path: string;
  handler: H;
  config: Record<string, unknown>;
  request: RouteRequest;
  response: z.ZodType;
  /** Content API only: what the OpenAPI document says of it. */
  doc?: RouteDoc;
}

/** The handler strings of a route table. */
export type HandlersOf<R extends readonly Route[]> = R[number]['handler'];

/** The route of a table with handler `H`, typed with its own schemas. */
export type RouteOf<R extends readonly Route[], H extends string> = Extract<
  R[number],
  { handler: H }
>;

/** Finds a table's route by handler (at load time: controllers keep what it returns). */
export function routeFinder<R extends readonly Route[]>(table: R) {
  const byHandler = new Map<string, Route>(table.map((r) => [r.handler, r]));
  return <H extends HandlersOf<R>>(handler: H): RouteOf<R, H> => {
    const route = byHandler.get(handler);
    if (!route) throw new Error(`No route with the handler ${handler}`);
    return route as RouteOf<R, H>;
  };
}
