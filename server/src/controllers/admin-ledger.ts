import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { timeZoneOf } from '../utils/plugin';
import { adminRoute } from '../routes/admin';
import { adminInput } from '../validation/input';

const VERIFY = adminRoute('admin-ledger.verify');
const SEAL_STATUS = adminRoute('admin-ledger.sealStatus');
const SETTINGS = adminRoute('admin-ledger.settings');
const HEALTH = adminRoute('admin-ledger.health');
const SEAL = adminRoute('admin-ledger.seal');

/** Verification, sealing, setup health and the plugin's settings (admin). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async verify(ctx: Context) {
    const { mode, consistency } = adminInput(ctx, VERIFY).body;
    ctx.body = { data: await getService(strapi, 'verification').verifyNow(mode, { consistency }) };
  },
  async sealStatus(ctx: Context) {
    adminInput(ctx, SEAL_STATUS);
    ctx.body = { data: await getService(strapi, 'integrity').sealStatus() };
  },
  async settings(ctx: Context) {
    adminInput(ctx, SETTINGS);
    ctx.body = { data: { timeZone: timeZoneOf(strapi) } };
  },
  async health(ctx: Context) {
    adminInput(ctx, HEALTH);
    ctx.body = { data: { warnings: await getService(strapi, 'health').warnings() } };
  },
  async seal(ctx: Context) {
    adminInput(ctx, SEAL);
    const integrity = getService(strapi, 'integrity');
    const checkpoint = await integrity.sealNow('admin');
    ctx.body = { data: { checkpoint, latest: await integrity.latestCheckpoint() } };
  },
});
