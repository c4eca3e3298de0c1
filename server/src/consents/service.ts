import type { Core } from '@strapi/strapi';
import { consentChecks } from './check';
import { consentRecording } from './record';

/**
 * Consents: decisions without a form (`record`, `withdraw`: POST /consents and
 * /consents/withdraw) and the app's own question, "may I use this person's
 * data for this purpose now?" (`check`, `checkMany`; the route policy
 * `plugin::policy-ledger.has-consent` asks it too).
 */
const consentsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  ...consentRecording(strapi),
  ...consentChecks(strapi),
});

export default consentsService;

declare module '../services/registry' {
  interface PluginServices {
    consents: ReturnType<typeof consentsService>;
  }
}
