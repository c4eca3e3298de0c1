import { randomBytes } from 'node:crypto';

const secret = () => randomBytes(16).toString('base64');

/**
 * Fresh throwaway values for every secret Strapi and the plugin need
 * (a subject secret already in the environment is kept), for apps booted by
 * tests and benchmarks.
 */
export function throwawaySecrets(): Record<string, string> {
  return {
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    ENCRYPTION_KEY: secret(),
    JWT_SECRET: secret(),
    POLICY_LEDGER_SUBJECT_SECRET: process.env.POLICY_LEDGER_SUBJECT_SECRET ?? secret(),
  };
}
