import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { callerOf } from '../auth/caller';
import { assertBodySize, requestMeta } from '../http/request-meta';
import { contentApiRoute } from '../routes/content-api';
import { getService } from '../utils/get-service';
import { contentApiInput } from '../validation/input';

const LINK = contentApiRoute('identities.link');
const UNLINK = contentApiRoute('identities.unlink');

/**
 * POST /identities/link and /identities/unlink: only the operator's server
 * (an API token) says that two identifiers are one person's — a signed-in
 * user or an anonymous caller could otherwise merge themselves with anyone.
 */
const onlyServer = (ctx: Context) => {
  if (callerOf(ctx).kind === 'server') return;
  // A PolicyError is the 403 whose message Strapi passes on (a ForbiddenError's it drops).
  throw new errors.PolicyError(
    'Only your server (an API token) may link or unlink identifiers of a person',
  );
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async link(ctx: Context) {
    onlyServer(ctx);
    assertBodySize(strapi, ctx);
    const { body } = contentApiInput(ctx, LINK, 'two identifiers');
    const result = await getService(strapi, 'identities').changeIdentifiers(
      'linked',
      body.subject,
      body.linkedSubject,
      requestMeta(ctx),
    );
    ctx.body = { data: result, meta: {} };
  },

  async unlink(ctx: Context) {
    onlyServer(ctx);
    assertBodySize(strapi, ctx);
    const { body } = contentApiInput(ctx, UNLINK, 'two identifiers');
    const result = await getService(strapi, 'identities').changeIdentifiers(
      'unlinked',
      body.subject,
      body.linkedSubject,
      requestMeta(ctx),
    );
    ctx.body = { data: result, meta: {} };
  },
});
