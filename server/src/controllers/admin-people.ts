import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { sendAttachment } from '../http/attachment';
import { evidencePackJson } from '../reports/evidence-json';
import { personHtml } from '../reports/person-html';
import { getService } from '../utils/get-service';
import { clock } from '../utils/plugin';
import { adminRoute } from '../routes/admin';
import { adminInput } from '../validation/input';

const RECORD = adminRoute('admin-people.record');
const EXPORT = adminRoute('admin-people.exportSubject');
const ERASE = adminRoute('admin-people.eraseSubject');
const PACK = adminRoute('admin-people.evidencePack');

/** One person (admin → People): their record, access export (JSON or a readable page), evidence pack, erasure. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async record(ctx: Context) {
    const { identifier } = adminInput(ctx, RECORD).query;
    ctx.body = { data: await getService(strapi, 'people').record(identifier) };
  },

  async exportSubject(ctx: Context) {
    const { identifier, format, locale } = adminInput(ctx, EXPORT).query;
    const exported = await getService(strapi, 'people').exportFor(identifier, format);
    if (exported.format === 'json') {
      ctx.body = { data: exported.data };
      return;
    }
    const { record } = exported;
    const now = clock(strapi).now().toISOString();
    const filename = `personal-data-${record.subject.slice(0, 12)}-${now.slice(0, 10)}.html`;
    sendAttachment(ctx, 'text/html; charset=utf-8', filename, personHtml(record, now, locale));
  },

  /** The evidence pack: a JSON file for `policy-ledger-verify-receipt pack.json`; recorded in the audit trail. */
  async evidencePack(ctx: Context) {
    const { identifier } = adminInput(ctx, PACK).query;
    const pack = await getService(strapi, 'evidence-packs').pack(identifier);
    await getService(strapi, 'audit').record('subject.exported', pack.subject, {
      format: 'evidence-pack',
      decisions: pack.decisions.length,
    });
    const day = pack.generatedAt.slice(0, 10);
    const filename = `evidence-${pack.subject.slice(0, 12)}-${day}.json`;
    sendAttachment(ctx, 'application/json; charset=utf-8', filename, evidencePackJson(pack));
  },

  async eraseSubject(ctx: Context) {
    const { identifier } = adminInput(ctx, ERASE).body;
    ctx.body = { data: await getService(strapi, 'subjects').eraseSubject(identifier) };
  },
});
