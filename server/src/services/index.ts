import acceptance from './acceptance';
import catalog from './catalog';
import clock from './clock';
import consents from './consents';
import diff from './diff';
import editions from './editions';
import fastPath from './fast-path';
import forms from './forms';
import health from './health';
import integrity from './integrity';
import ledgerReads from './ledger-reads';
import ledgerStore from './ledger-store';
import overview from './overview';
import publicAccess from './public-access';
import retention from './retention';
import people from './people';
import requests from './requests';
import standing from './standing';
import subjects from './subjects';
import submissions from './submissions';
import successor from './successor';

/** Reach them with utils/get-service.ts: getService(strapi, 'catalog'). */
export default {
  acceptance,
  catalog,
  clock,
  consents,
  diff,
  editions,
  fastPath,
  forms,
  health,
  integrity,
  ledgerReads,
  ledgerStore,
  overview,
  publicAccess,
  retention,
  people,
  requests,
  standing,
  subjects,
  submissions,
  successor,
};
