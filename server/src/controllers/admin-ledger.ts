import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { timeZoneOf } from '../utils/plugin';
import { verifyBody } from '../validation/admin-api';
import { validate } from '../validation/validate';

/** Verification, sealing, setup health and the plugin's settings (admin). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async verify(ctx: Context) {
    const { mode, consistency } = validate(verifyBody, ctx.request.body ?? {}, 'the body');
    ctx.body = { data: await getService(strapi, 'verification').verifyNow(mode, { consistency }) };
  },
  async sealStatus(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'integrity').sealStatus() };
  },
  async settings(ctx: Context) {
    ctx.body = { data: { timeZone: timeZoneOf(strapi) } };
  },
  async health(ctx: Context) {
    ctx.body = { data: { warnings: await getService(strapi, 'health').warnings() } };
  },
  async seal(ctx: Context) {
    const integrity = getService(strapi, 'integrity');
    const checkpoint = await integrity.sealNow('admin');
    ctx.body = { data: { checkpoint, latest: await integrity.latestCheckpoint() } };
  },
});
