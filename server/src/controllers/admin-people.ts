import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { personHtml } from '../reports/person-html';
import { getService } from '../utils/get-service';
import { clock } from '../utils/plugin';
import { subjectBody, subjectExportQuery, subjectQuery } from '../validation/admin-api';
import { validate } from '../validation/validate';

/** One person (admin → People): their record, access export (JSON or a readable page), erasure. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async record(ctx: Context) {
    const { identifier } = validate(subjectQuery, ctx.query, 'the query');
    ctx.body = { data: await getService(strapi, 'people').record(identifier) };
  },

  async exportSubject(ctx: Context) {
    const { identifier, format } = validate(subjectExportQuery, ctx.query, 'the query');
    if (format === 'json') {
      const data = await getService(strapi, 'subjects').exportSubject(identifier);
      await getService(strapi, 'audit').record('subject.exported', data.subject, { format });
      ctx.body = { data };
      return;
    }
    const record = await getService(strapi, 'people').record(identifier);
    await getService(strapi, 'audit').record('subject.exported', record.subject, { format });
    const now = clock(strapi).now().toISOString();
    ctx.set('Content-Type', 'text/html; charset=utf-8');
    ctx.set(
      'Content-Disposition',
      `attachment; filename="personal-data-${record.subject.slice(0, 12)}-${now.slice(0, 10)}.html"`,
    );
    ctx.set('Cache-Control', 'no-store');
    ctx.body = personHtml(record, now);
  },

  async eraseSubject(ctx: Context) {
    const { identifier } = validate(subjectBody, ctx.request.body ?? {}, 'the body');
    ctx.body = { data: await getService(strapi, 'subjects').eraseSubject(identifier) };
  },
});
