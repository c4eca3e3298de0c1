/**
 * The integration suite: one Strapi per test process (booting is the slow
 * part), real HTTP, the database chosen by DATABASE_CLIENT.
 */
import { after, before, describe } from 'node:test';
import { boot, shutdown } from '../helpers/strapi';
import { editionsSpec } from './editions.spec';
import { successorSpec } from './successor.spec';
import { publicApiSpec } from './public-api.spec';
import { ledgerSpec } from './ledger.spec';
import { reportsSpec } from './reports.spec';
import { fastPathSpec } from './fast-path.spec';
import { setupSpec } from './setup.spec';
import { frontendHttpSpec } from './frontend-http.spec';
import { contractSpec } from './contract.spec';
import { clientSpec } from './client.spec';
import { peopleSpec } from './people.spec';
import { requestsSpec } from './requests.spec';
import { auditSpec } from './audit.spec';
import { peopleCountsSpec } from './people-counts.spec';
import { receiptsSpec } from './receipts.spec';
import { verificationSpec } from './verification.spec';
import { checkpointsSpec } from './checkpoints.spec';
import { timestampsSpec } from './timestamps.spec';
import { abuseSpec } from './abuse.spec';
import { webhooksSpec } from './webhooks.spec';
import { doubleOptInSpec } from './doi.spec';
import { identifiersSpec } from './identifiers.spec';
import { identitiesSpec } from './identities.spec';
import { speakersSpec } from './speakers.spec';
import { smallThingsSpec } from './small-things.spec';
import { consentChecksSpec } from './consent-checks.spec';
import { recordContentApi } from '../helpers/contract';

describe(`policy-ledger integration (${process.env.DATABASE_CLIENT ?? 'sqlite'})`, () => {
  before(async () => {
    recordContentApi((await boot()).url);
  });
  after(async () => {
    await shutdown();
  });

  publicApiSpec();
  editionsSpec();
  successorSpec();
  ledgerSpec();
  reportsSpec();
  fastPathSpec();
  setupSpec();
  frontendHttpSpec();
  clientSpec();
  peopleSpec();
  requestsSpec();
  auditSpec();
  peopleCountsSpec();
  receiptsSpec();
  verificationSpec();
  // Before the time-stamps spec: the witness checks every token in the log against one CA.
  checkpointsSpec();
  timestampsSpec();
  abuseSpec();
  webhooksSpec();
  doubleOptInSpec();
  identifiersSpec();
  identitiesSpec();
  speakersSpec();
  smallThingsSpec();
  consentChecksSpec();
  contractSpec(); // last: checks every content-API and admin-API answer the suite received
});
