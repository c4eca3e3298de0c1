import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { etagOfJson } from '../catalog/responses';
import { sendCacheable } from '../http/cacheable';
import { contentApiRoute } from '../routes/content-api';
import { getService } from '../utils/get-service';
import { contentApiInput } from '../validation/input';

const PAGE = contentApiRoute('checkpoints.page');
const HEAD = contentApiRoute('checkpoints.head');
const CONSISTENCY = contentApiRoute('checkpoints.consistency');

/**
 * Seconds a part of the log may be cached: a part that ends before the head
 * only gains time-stamp tokens (an hour, revalidated by ETag); the head moves
 * with every seal (the sealing job runs every minute).
 */
const SETTLED = 3600;
const MOVING = 30;

/** GET /checkpoints, /checkpoints/head, /checkpoints/consistency: the public checkpoint log. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const log = () => getService(strapi, 'checkpoint-log');
  // Serialized once, for the ETag and the body alike: a consistency proof can run to megabytes.
  const send = (ctx: Context, data: unknown, settled: boolean) => {
    const json = JSON.stringify({ data, meta: {} });
    sendCacheable(ctx, { data, json, etag: etagOfJson(json), maxAge: settled ? SETTLED : MOVING });
  };

  return {
    async page(ctx: Context) {
      const { query } = contentApiInput(ctx, PAGE);
      const page = await log().page(query.after ?? 0, query.limit);
      send(ctx, page, page.next !== null);
    },

    async head(ctx: Context) {
      contentApiInput(ctx, HEAD);
      send(ctx, await log().head(), false);
    },

    async consistency(ctx: Context) {
      const { query } = contentApiInput(ctx, CONSISTENCY);
      send(ctx, await log().consistency(query.from, query.to), query.to !== undefined);
    },
  };
};
