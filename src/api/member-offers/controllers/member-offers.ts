import type { Context } from 'koa';

/** The demo's personal offers: what a member sees once the consent check let them in. */
export default {
  async list(ctx: Context) {
    const user = ctx.state.user as { id: number; username?: string };
    ctx.body = {
      data: [
        { title: 'Members save 10% on books this week', for: user.username ?? String(user.id) },
      ],
    };
  },
};
