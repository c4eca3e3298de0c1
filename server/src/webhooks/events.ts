import type { Core } from '@strapi/strapi';
import type { EditionStatus } from '../../../shared/contracts';
import type { EventRow } from '../db/event-row';

/**
 * The Strapi webhook events the plugin sends (Settings → Webhooks, or the
 * admin API `POST /admin/webhooks` with these names in `events`). Payloads
 * carry no personal data: people appear by their pseudonymous subject only.
 */
export const WEBHOOK_EVENTS = {
  POLICY_LEDGER_CHECKPOINT: 'policy-ledger.checkpoint',
  POLICY_LEDGER_EDITION_RELEASED: 'policy-ledger.edition.released',
  POLICY_LEDGER_EDITION_IN_FORCE: 'policy-ledger.edition.in-force',
  POLICY_LEDGER_EDITION_CANCELLED: 'policy-ledger.edition.cancelled',
  POLICY_LEDGER_CONSENT_RECORDED: 'policy-ledger.consent.recorded',
  POLICY_LEDGER_CONSENT_WITHDRAWN: 'policy-ledger.consent.withdrawn',
} as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[keyof typeof WEBHOOK_EVENTS];

/** Lets the app's webhooks subscribe to the plugin's events. */
export function registerWebhookEvents(strapi: Core.Strapi) {
  const store = strapi.get('webhookStore') as
    { addAllowedEvent?: (key: string, value: string) => void } | undefined;
  for (const [key, value] of Object.entries(WEBHOOK_EVENTS)) store?.addAllowedEvent?.(key, value);
}

function emit(strapi: Core.Strapi, event: WebhookEvent, payload: Record<string, unknown>) {
  // The webhook runner queues the deliveries; a failing receiver never reaches the caller.
  void Promise.resolve(strapi.eventHub.emit(event, payload)).catch((e: Error) =>
    strapi.log.warn(`[policy-ledger] webhook event ${event}: ${e.message}`),
  );
}

/** What a webhook tells of an edition. */
function edition(s: EditionStatus) {
  return {
    documentId: s.documentId,
    policy: s.policy?.key ?? null,
    version: s.version,
    editionDate: s.editionDate,
    changeKind: s.changeKind,
    releasedAt: s.releasedAt,
    effectiveAt: s.effectiveAt,
    cancelledAt: s.cancelledAt,
  };
}

export const editionReleased = (strapi: Core.Strapi, s: EditionStatus) =>
  emit(strapi, WEBHOOK_EVENTS.POLICY_LEDGER_EDITION_RELEASED, { edition: edition(s) });

export const editionCancelled = (strapi: Core.Strapi, s: EditionStatus) =>
  emit(strapi, WEBHOOK_EVENTS.POLICY_LEDGER_EDITION_CANCELLED, { edition: edition(s) });

export const editionInForce = (
  strapi: Core.Strapi,
  e: {
    documentId: string;
    policy: string;
    version: number;
    changeKind: string;
    effectiveAt: string;
  },
) => emit(strapi, WEBHOOK_EVENTS.POLICY_LEDGER_EDITION_IN_FORCE, { edition: e });

/**
 * After a write to the ledger: one `consent.withdrawn` with the withdrawals,
 * one `consent.recorded` with the other decisions (granted, implied, denied).
 */
export function consentEvents(strapi: Core.Strapi, rows: EventRow[]) {
  const brief = (r: EventRow) => ({
    id: r.event_id,
    occurredAt: r.occurred_at,
    subject: r.subject,
    action: r.action,
    policy: r.policy_key,
    version: r.policy_version,
    locale: r.locale,
    form: r.form_key,
    submission: r.submission_id,
    purposes: JSON.parse(r.purposes) as unknown,
    hash: r.hash,
    strength: r.strength ?? null,
  });
  const withdrawn = rows.filter((r) => r.action === 'withdrawn');
  // Notices sent and linked identities are not decisions.
  const recorded = rows.filter(
    (r) =>
      r.action !== 'withdrawn' &&
      r.action !== 'notified' &&
      r.action !== 'linked' &&
      r.action !== 'unlinked',
  );
  if (recorded.length)
    emit(strapi, WEBHOOK_EVENTS.POLICY_LEDGER_CONSENT_RECORDED, { events: recorded.map(brief) });
  if (withdrawn.length)
    emit(strapi, WEBHOOK_EVENTS.POLICY_LEDGER_CONSENT_WITHDRAWN, { events: withdrawn.map(brief) });
}
