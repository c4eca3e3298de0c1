import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { normalizeSubject, SubjectError, subjectRef } from '../domain/subject';
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

/** Hashes a raw identifier; a malformed one is a 400 naming `field`. */
export function refOf(strapi: Core.Strapi, raw: unknown, field = 'subject'): string {
  try {
    return subjectRef(subjectSecret(strapi), normalizeSubject(raw as string).canonical);
  } catch (e) {
    if (e instanceof SubjectError || typeof raw !== 'string') {
      const message = `${field} ${e instanceof SubjectError ? e.message : 'must be a string'}`;
      throw new errors.ValidationError(message, { errors: [{ path: [field], message }] });
    }
    throw e;
  }
}
