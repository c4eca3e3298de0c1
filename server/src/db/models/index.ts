import type { Core } from '@strapi/strapi';
import { checkModels } from './checks';
import { deskModels } from './desk';
import { identifierModels } from './identifiers';
import { identityModels } from './identities';
import { ledgerModels } from './ledger';
import { reportsModels } from './reports';

/**
 * The ledger's own tables. They are plain database models, not content
 * types: no Content Manager screen, no Document Service, no REST route can
 * reach them, and their columns and indexes are exactly what the write path
 * and the reports need. Strapi creates and migrates them like its own
 * (core store, webhooks). Instants are stored as fixed-width ISO-8601 UTC
 * strings: they sort chronologically, compare as strings on every engine,
 * and read back byte for byte, which the event hashes depend on.
 */
export function registerModels(strapi: Core.Strapi) {
  for (const model of [
    ...ledgerModels,
    ...identifierModels,
    ...identityModels,
    ...reportsModels,
    ...checkModels,
    ...deskModels,
  ])
    strapi.get('models').add(model);
}
