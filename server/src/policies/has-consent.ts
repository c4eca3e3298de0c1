import type { Core } from '@strapi/strapi';
import { errors, z } from '@strapi/utils';
import type { Context } from 'koa';
import type { EvidenceStrength } from '../../../shared/contracts';
import { getService } from '../utils/get-service';

/**
 * The route policy's configuration, on a route of the app:
 * `policies: [{ name: 'plugin::policy-ledger.has-consent', config: { purpose: 'newsletter' } }]`.
 */
export interface HasConsentConfig {
  /** The purpose the route uses the person's data for. */
  purpose: string;
  /** Also require the person to stand accepted by this policy's edition in force. */
  policy?: string;
  /** `confirmed`: an unconfirmed grant from an anonymous form does not count. */
  minStrength?: EvidenceStrength;
  /**
   * Whose consent: the person's identifier from the request. Default: the
   * logged-in end user (users-permissions), `id:<user id>`.
   */
  subject?: (ctx: Context) => string | null | undefined;
}

const configSchema = z.looseObject({
  purpose: z.string(),
  policy: z.string().optional(),
  minStrength: z.enum(['confirmed', 'unverified']).optional(),
  subject: z
    .custom<HasConsentConfig['subject']>((v) => v === undefined || typeof v === 'function')
    .optional(),
});

const loggedInUser = (ctx: Context) => {
  const id = (ctx.state?.user as { id?: number | string } | undefined)?.id;
  return id === undefined || id === null ? null : `id:${id}`;
};

/**
 * `plugin::policy-ledger.has-consent`: lets the request through only when the
 * person it is about may have their data used for the purpose now
 * (`consents.check`); otherwise 403 in Strapi's error shape, whose details
 * say why (`reason`: not-granted, withdrawn, denied, expired, unverified,
 * policy-…; `no-subject` when the request names nobody).
 */
export default async function hasConsent(
  ctx: Context,
  rawConfig: unknown,
  { strapi }: { strapi: Core.Strapi },
): Promise<true> {
  const parsed = configSchema.safeParse(rawConfig ?? {});
  if (!parsed.success)
    throw new Error(
      `plugin::policy-ledger.has-consent: its config needs { purpose: string, policy?, minStrength?, subject?(ctx) } (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`,
    );
  const config = parsed.data;
  const subject = (config.subject ?? loggedInUser)(ctx);
  if (!subject) {
    throw new errors.PolicyError(`No consent to "${config.purpose}": the request names no person`, {
      purpose: config.purpose,
      reason: 'no-subject',
    });
  }
  const result = await getService(strapi, 'consents').check({
    subject,
    purpose: config.purpose,
    ...(config.policy ? { policy: config.policy } : {}),
    ...(config.minStrength ? { minStrength: config.minStrength } : {}),
  });
  if (!result.allowed) {
    throw new errors.PolicyError(`No consent to "${config.purpose}" (${result.reason})`, {
      purpose: config.purpose,
      ...result,
    });
  }
  return true;
}
