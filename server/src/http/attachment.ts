import type { Context } from 'koa';

/** Answers a download: its type, its file name, never cached. */
export function sendAttachment(ctx: Context, type: string, filename: string, body: unknown) {
  ctx.set('Content-Type', type);
  ctx.set('Content-Disposition', `attachment; filename="${filename}"`);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = body;
}
