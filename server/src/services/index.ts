import type { Core } from '@strapi/strapi';
import acceptance from './acceptance';
import audit from './audit';
import catalog from './catalog';
import clock from './clock';
import confirmations from './confirmations';
import consents from './consents';
import consistency from './consistency';
import diff from './diff';
import editions from './editions';
import fastPath from './fast-path';
import forms from './forms';
import health from './health';
import integrity from './integrity';
import ledgerReads from './ledger-reads';
import limits from './limits';
import mailer from './mailer';
import notices from './notices';
import ledgerStore from './ledger-store';
import overview from './overview';
import publicAccess from './public-access';
import receiptProofs from './receipt-proofs';
import retention from './retention';
import people from './people';
import peopleCounts from './people-counts';
import requests from './requests';
import standing from './standing';
import subjects from './subjects';
import submissions from './submissions';
import timestamping from './timestamping';
import successor from './successor';
import verification from './verification';
import type { PluginServices } from './registry';

/** Reach them with utils/get-service.ts: getService(strapi, 'catalog'). */
const services = {
  acceptance,
  audit,
  catalog,
  clock,
  confirmations,
  consents,
  consistency,
  diff,
  editions,
  fastPath,
  forms,
  health,
  integrity,
  ledgerReads,
  limits,
  mailer,
  notices,
  ledgerStore,
  overview,
  publicAccess,
  receiptProofs,
  retention,
  people,
  peopleCounts,
  requests,
  standing,
  subjects,
  submissions,
  timestamping,
  successor,
  verification,
};

/** Registered here and declared in registry.ts: the same names, the same types. */
export default services satisfies {
  [N in keyof PluginServices]: (deps: { strapi: Core.Strapi }) => PluginServices[N];
};
