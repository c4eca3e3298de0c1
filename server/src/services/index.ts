import type { Core } from '@strapi/strapi';
import acceptance from './acceptance';
import accountEmails from './account-emails';
import audit from '../audit/service';
import catalog from '../catalog/service';
import checkpointLog from './checkpoint-log';
import clock from './clock';
import confirmations from './confirmations';
import consents from '../consents/service';
import consistency from './consistency';
import diff from './diff';
import editions from './editions';
import evidencePacks from './evidence-packs';
import fastPath from '../fast-path/service';
import forms from './forms';
import health from './health';
import identities from './identities';
import integrity from './integrity';
import ledgerReads from './ledger-reads';
import limits from '../limits/service';
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
import timestamping from '../timestamping/service';
import successor from './successor';
import verification from '../verification/service';
import type { PluginServices } from './registry';

/**
 * Every service, by its kebab-case key (as controllers are): reach one with
 * utils/get-service.ts, getService(strapi, 'ledger-reads'). A service is one
 * file here, or — when it has helpers of its own — `<concept>/service.ts`
 * beside them (audit, catalog, fast-path, limits, timestamping, verification).
 */
const services = {
  acceptance,
  'account-emails': accountEmails,
  audit,
  catalog,
  'checkpoint-log': checkpointLog,
  clock,
  confirmations,
  consents,
  consistency,
  diff,
  editions,
  'evidence-packs': evidencePacks,
  'fast-path': fastPath,
  forms,
  health,
  identities,
  integrity,
  'ledger-reads': ledgerReads,
  limits,
  mailer,
  notices,
  'ledger-store': ledgerStore,
  overview,
  'public-access': publicAccess,
  'receipt-proofs': receiptProofs,
  retention,
  people,
  'people-counts': peopleCounts,
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
