import { z } from '@strapi/utils';
import type { Context } from 'koa';
import type { Route, Shape } from '../routes/types';
import { validate } from './validate';

type ObjectOf<S> = S extends Shape ? z.output<z.ZodObject<S>> : Record<string, never>;

/** A route's validated input, typed from its declaration. */
export interface Input<R extends Route> {
  params: ObjectOf<R['request'] extends { params: infer S } ? S : undefined>;
  query: ObjectOf<R['request'] extends { query: infer S } ? S : undefined>;
  body: R['request'] extends { body: { 'application/json': infer B extends z.ZodType } }
    ? z.output<B>
    : undefined;
}

/**
 * The content API ignores unknown query parameters (a cache-buster) and checks
 * the body as sent; the admin API refuses unknown parameters and reads a
 * missing body as `{}`.
 */
type Api = 'content' | 'admin';

const objects = { strict: new WeakMap<Shape, z.ZodType>(), loose: new WeakMap<Shape, z.ZodType>() };
/** The object schema of a route's shape, built once per route. */
function objectOf(shape: Shape, strict: boolean): z.ZodType {
  const built = strict ? objects.strict : objects.loose;
  let schema = built.get(shape);
  if (!schema) {
    schema = strict ? z.strictObject(shape) : z.object(shape);
    built.set(shape, schema);
  }
  return schema;
}

function check<R extends Route>(ctx: Context, route: R, api: Api, bodyName: string): Input<R> {
  const { params, query, body } = route.request;
  const sent: unknown = api === 'admin' ? (ctx.request.body ?? {}) : ctx.request.body;
  return {
    params: params ? validate(objectOf(params, false), ctx.params ?? {}, 'the path') : {},
    query: query ? validate(objectOf(query, api === 'admin'), ctx.query ?? {}, 'the query') : {},
    body: body ? validate(body['application/json'], sent, bodyName) : undefined,
  } as Input<R>;
}

/**
 * The one way a controller reads its input: the request's path parameters,
 * query and body checked against its route's declaration (routes/*.ts).
 * A bad value is a 400 naming the field; `bodyName` names the body in
 * messages ("a submission").
 */
export const contentApiInput = <R extends Route>(ctx: Context, route: R, bodyName = 'the body') =>
  check(ctx, route, 'content', bodyName);

/** The admin API's input (unknown query parameters are refused). */
export const adminInput = <R extends Route>(ctx: Context, route: R, bodyName = 'the body') =>
  check(ctx, route, 'admin', bodyName);
