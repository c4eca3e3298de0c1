import type { Core } from '@strapi/strapi';
import { EDITION_UID, FORM_UID, POLICY_UID } from '../constants';
import { editionGuard } from './edition';
import { formGuard } from './form';
import { policyGuard } from './policy';
import type { DocCtx, Next } from './types';

/**
 * Enforces the rules on policies, editions and forms (README: "How editions
 * work", "Collection forms and the consent ledger") below every
 * route: the Content Manager, the Document Service and the Entity Service all
 * pass through Document Service middlewares. One guard per content type.
 */
export function registerGuards(strapi: Core.Strapi) {
  const guards: Record<string, (ctx: DocCtx, next: Next) => Promise<unknown>> = {
    [EDITION_UID]: editionGuard(strapi),
    [POLICY_UID]: policyGuard(strapi),
    [FORM_UID]: formGuard(strapi),
  };
  type Middleware = Parameters<typeof strapi.documents.use>[0];
  const middleware = async (ctx: DocCtx, next: Next) =>
    guards[ctx.uid] ? guards[ctx.uid](ctx, next) : next();
  strapi.documents.use(middleware as unknown as Middleware);
}
