import type { Core } from '@strapi/strapi';
import type {
  ConsentBody,
  ConsentResult,
  WithdrawBody,
  WithdrawResult,
} from '../../../shared/contracts';
import { rowOfContent, type EventRow } from '../db/event-row';
import { TABLES } from '../db/tables';
import { pickCurrent } from '../domain/effective';
import { evidenceOf, type RequestMeta } from '../ledger/evidence';
import { newEvent } from '../ledger/events';
import { gpcOf } from '../ledger/gpc';
import { idempotent } from '../ledger/idempotency';
import { acceptableEdition, checkShownText, policySnapshot } from '../ledger/policies';
import { receiptEvent } from '../ledger/receipts';
import { getService } from '../utils/get-service';
import { clock, pluginConfig } from '../utils/plugin';
import { pseudonymOf } from '../utils/subjects';

/**
 * Only the operator's server vouches for the person it names; a signed-in
 * end user's own decision is recorded, like a form's, as `unverified`.
 */
const strengthOf = (meta: RequestMeta) =>
  meta.caller === 'server' ? {} : { strength: 'unverified' as const };

/** A decision's subject, set at the edge from the caller's credentials (auth/caller.ts). */
type Spoken<T> = T & { subject: string };

/** Decisions without a form: POST /consents (granted or denied) and POST /consents/withdraw. */
export const consentRecording = (strapi: Core.Strapi) => ({
  async record(body: Spoken<ConsentBody>, meta: RequestMeta): Promise<ConsentResult> {
    const subject = pseudonymOf(strapi, body.subject);
    // An anonymous caller never gets here (auth/caller.ts): a person is the API token's or themselves.
    if (meta.caller !== 'server') await getService(strapi, 'limits').subject(subject);
    const now = clock(strapi).now();
    const snap = await policySnapshot(strapi, body.policy);
    const edition = acceptableEdition(snap, body.version, now);
    const shown = getService(strapi, 'catalog').textFor(snap, edition, { locale: body.locale });
    checkShownText(body.policy, body.version, body.hash, shown, 'hash');
    const signal = gpcOf(
      strapi,
      meta,
      body.action === 'granted' ? (body.purposes ?? {}) : {},
      body.gpcAcknowledged,
    );
    // Seen again: a later edition in force may be accepted by continued use first.
    if (edition.version !== pickCurrent(snap.editions, now).current?.version) {
      await getService(strapi, 'standing').recordImpliedAcceptance(subject, snap, now);
    }
    return idempotent<ConsentResult>(
      strapi,
      'consent',
      meta.idempotencyKey,
      body,
      async (record) => {
        const text = shown;
        const ev = evidenceOf(strapi, meta, now);
        const event = newEvent({
          occurredAt: now.toISOString(),
          subject,
          action: body.action,
          policy: snap.key,
          version: edition.version,
          locale: text.servedLocale,
          contentHash: text.contentHash,
          purposes: body.purposes ?? {},
          method: 'api',
          evidenceHash: ev.hash,
          ...strengthOf(meta),
          ...signal,
        });
        const row = rowOfContent(event);
        const response: ConsentResult = {
          event: {
            ...receiptEvent(event, row.hash, pluginConfig(strapi).jobs.sealLagSeconds),
            occurredAt: event.occurredAt,
          },
        };
        await getService(strapi, 'ledger-store').write({
          events: [row],
          evidence: [{ ...ev.item, event_id: event.id }],
          idempotency: record(response),
        });
        return response;
      },
    );
  },

  /** Appends a `withdrawn` event per policy where a targeted purpose is active. */
  /** `method`: 'api' from the content API, 'admin' when a privacy officer acts on a request. */
  async withdraw(
    body: Spoken<WithdrawBody>,
    meta: RequestMeta,
    method: 'api' | 'admin' = 'api',
  ): Promise<WithdrawResult> {
    const subject = pseudonymOf(strapi, body.subject);
    // An anonymous caller never gets here (auth/caller.ts): a person is the API token's or themselves.
    if (meta.caller !== 'server') await getService(strapi, 'limits').subject(subject);
    const now = clock(strapi).now();
    if (body.policy) await policySnapshot(strapi, body.policy);
    const keys = body.policy
      ? [body.policy]
      : (
          (await strapi.db
            .connection(TABLES.events)
            .distinct('policy_key')
            .where({ subject })) as Array<{ policy_key: string }>
        ).map((r) => r.policy_key);
    const standing = getService(strapi, 'standing');
    const rows: EventRow[] = [];
    const evidence = [];
    for (const key of keys.sort()) {
      const s = await standing.standingOf(subject, key);
      const active = Object.keys(s.purposes).filter((k) => s.purposes[k]);
      const targets = body.purposes ? body.purposes.filter((p) => active.includes(p)) : active;
      if (!targets.length || s.acceptedVersion === null) continue;
      const ev = evidenceOf(strapi, meta, now);
      const event = newEvent({
        occurredAt: now.toISOString(),
        subject,
        action: 'withdrawn',
        policy: key,
        version: s.acceptedVersion,
        locale: s.acceptedLocale,
        purposes: Object.fromEntries(targets.map((t) => [t, false])),
        method,
        evidenceHash: ev.hash,
        ...strengthOf(meta),
        ...gpcOf(strapi, meta, {}, undefined),
      });
      rows.push(rowOfContent(event));
      evidence.push({ ...ev.item, event_id: event.id });
    }
    await getService(strapi, 'ledger-store').write({ events: rows, evidence });
    return {
      events: rows.map((r) => ({
        id: r.event_id,
        action: r.action,
        policy: r.policy_key,
        version: r.policy_version,
        purposes: JSON.parse(r.purposes) as Record<string, boolean>,
        occurredAt: r.occurred_at,
        hash: r.hash,
      })),
    };
  },
});
