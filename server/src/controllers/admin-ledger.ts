import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { subjectBody, subjectQuery } from '../validation/admin-api';
import { validate } from '../validation/validate';

/** Verification, sealing, setup health and a person's requests (admin). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async verify(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'integrity').verify() };
  },
  async sealStatus(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'integrity').sealStatus() };
  },
  async health(ctx: Context) {
    ctx.body = { data: { warnings: await getService(strapi, 'health').warnings() } };
  },
  async seal(ctx: Context) {
    const integrity = getService(strapi, 'integrity');
    const checkpoint = await integrity.seal();
    ctx.body = { data: { checkpoint, latest: await integrity.latestCheckpoint() } };
  },
  async exportSubject(ctx: Context) {
    const { identifier } = validate(subjectQuery, ctx.query, 'the query');
    ctx.body = { data: await getService(strapi, 'subjects').exportSubject(identifier) };
  },
  async eraseSubject(ctx: Context) {
    const { identifier } = validate(subjectBody, ctx.request.body ?? {}, 'the body');
    ctx.body = { data: await getService(strapi, 'subjects').eraseSubject(identifier) };
  },
});
