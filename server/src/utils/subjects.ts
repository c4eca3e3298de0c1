import type { Core } from '@strapi/strapi';
import { normalizeSubject, subjectRef } from '../domain/subject';
import { pluginConfig } from './plugin';

const DEV_SECRET = 'policy-ledger-development-only-secret';

/**
 * The HMAC secret for subject references. Required outside development;
 * in development a fixed secret is used, and the health service warns of it
 * at boot and in the admin.
 */
export function subjectSecret(strapi: Core.Strapi): string {
  const secret = pluginConfig(strapi).subjectSecret;
  if (secret) return secret;
  const env = process.env.NODE_ENV ?? 'development';
  if (env !== 'development') {
    throw new Error(
      'policy-ledger: subjectSecret is required outside development (set POLICY_LEDGER_SUBJECT_SECRET, at least 16 characters)',
    );
  }
  return DEV_SECRET;
}

/**
 * The pseudonym of a person's identifier (`email:…`, `phone:…`, `id:…`, or a
 * bare e-mail or phone). Identifiers are checked at the edge
 * (validation/patterns.ts `personIdentifier`, domain/form.ts for a form's
 * fields), so one that does not normalize here is a bug, not a 400.
 */
export function pseudonymOf(strapi: Core.Strapi, identifier: string): string {
  return subjectRef(subjectSecret(strapi), normalizeSubject(identifier).canonical);
}
