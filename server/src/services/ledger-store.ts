import type { Core } from '@strapi/strapi';
import { writeLedger, type LedgerWrite } from '../db/write';
import { timeZoneOf } from '../utils/plugin';
import { consentEvents } from '../webhooks/events';

/**
 * The one door to the ledger's tables for writes: every submission, decision,
 * withdrawal and implied acceptance is stored through `write`, atomically
 * (see db/write.ts). A service, so that a test can wrap it (to spoil a write
 * and watch it roll back) without a switch in production code.
 */
const ledgerStoreService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async write(w: LedgerWrite): Promise<void> {
    await writeLedger(strapi, { ...w, timeZone: timeZoneOf(strapi) });
    consentEvents(strapi, w.events); // webhooks, once the write is committed
  },
});

export default ledgerStoreService;

declare module './registry' {
  interface PluginServices {
    'ledger-store': ReturnType<typeof ledgerStoreService>;
  }
}
