import type { Core } from '@strapi/strapi';
import type { EraseResult, SubjectExport } from '../../../shared/contracts';
import { contentOfRow, type EventRow } from '../db/event-row';
import { contactsOf, eraseContacts } from '../db/contacts';
import { eraseHeld, heldOn } from '../db/held';
import { getService } from '../utils/get-service';
import { clock } from '../utils/plugin';
import { pseudonymOf } from '../utils/subjects';

/**
 * A person's access and erasure requests: everything held on them, and
 * erasing what may be erased. What is held is found by a list of pseudonyms
 * (db/held.ts): by subject and by every identifier a submission holds.
 */
const subjectsService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** The texts the person's events refer to, once each. */
  async function textsAccepted(events: EventRow[]): Promise<SubjectExport['texts']> {
    const catalog = getService(strapi, 'catalog');
    const texts: SubjectExport['texts'] = [];
    const seen = new Set<string>();
    for (const e of events) {
      const k = `${e.policy_key}:${e.policy_version}:${e.locale}`;
      if (seen.has(k) || !e.locale) continue;
      seen.add(k);
      const snap = await catalog.snapshot(e.policy_key);
      const text = snap?.editions.find((x) => x.version === Number(e.policy_version))?.texts[
        e.locale
      ];
      if (text) {
        const { title, body, contentHash } = text;
        texts.push({
          policy: e.policy_key,
          version: Number(e.policy_version),
          locale: e.locale,
          title,
          body,
          contentHash,
        });
      }
    }
    return texts;
  }

  /** Everything held on the person with these pseudonyms; `subject`: the one looked up. */
  async function exportOf(
    subject: string,
    pseudonyms: string[],
  ): Promise<Omit<SubjectExport, 'identities' | 'links'>> {
    const found = await heldOn(strapi.db.connection, pseudonyms);
    const contacts = await contactsOf(strapi.db.connection, pseudonyms);
    const evidenceOf = new Map(found.evidence.map((x) => [x.event_id, x]));
    return {
      subject,
      submissions: found.submissions.map((s) => ({
        id: s.public_id,
        form: s.form_key,
        formRevision: Number(s.form_revision),
        locale: s.locale,
        receivedAt: s.received_at,
        data: s.data ? (JSON.parse(s.data) as Record<string, unknown>) : null,
        erasedAt: s.erased_at ?? null,
        messages: found.messages.get(s.public_id) ?? [],
      })),
      held: found.held,
      events: found.events.map((row) => {
        const e = contentOfRow(row);
        const x = evidenceOf.get(row.event_id);
        return {
          id: e.id,
          seq: Number(row.seq),
          occurredAt: e.occurredAt,
          action: e.action,
          policy: e.policy,
          version: e.version,
          locale: e.locale,
          contentHash: e.contentHash,
          form: e.form,
          purposes: e.purposes,
          method: e.method,
          strength: e.strength ?? null,
          ...(e.linkedSubject ? { linkedSubject: e.linkedSubject } : {}),
          ...(e.gpc ? { gpc: e.gpc } : {}),
          submission: e.submission,
          evidence: x ? { ip: x.ip, userAgent: x.user_agent, pageUrl: x.page_url } : null,
        };
      }),
      texts: await textsAccepted(found.events),
      contacts,
    };
  }

  /**
   * Erases what is held on the person with these pseudonyms, in one
   * transaction with its audit entry; `subject`: the one named.
   */
  async function eraseOf(
    subject: string,
    pseudonyms: string[],
    request?: string,
  ): Promise<EraseResult> {
    const now = clock(strapi).now().toISOString();
    return strapi.db.transaction(async ({ trx }) => {
      const { submissions, evidence, held } = await eraseHeld(trx, pseudonyms, now);
      const contacts = await eraseContacts(trx, pseudonyms);
      // E-mails waiting to be linked to their account (services/account-emails.ts).
      await getService(strapi, 'account-emails').eraseOf(trx, pseudonyms);
      await getService(strapi, 'audit').record(
        'subject.erased',
        subject,
        request
          ? { submissions, evidence, held, contacts, request }
          : { submissions, evidence, held, contacts },
        { trx },
      );
      return { submissions, evidence, held, contacts };
    });
  }

  return {
    /** Everything held on one person (an access request), over every pseudonym linked to theirs. */
    async exportSubject(identifier: string): Promise<SubjectExport> {
      const subject = pseudonymOf(strapi, identifier);
      const identities = getService(strapi, 'identities');
      const pseudonyms = await identities.pseudonymsOf(subject);
      const links = await identities.linksAmong(pseudonyms);
      return {
        ...(await exportOf(subject, pseudonyms)),
        identities: pseudonyms,
        links: links.map((l) => ({ subject: l.subject, linkedSubject: l.linked_subject })),
      };
    },

    /**
     * Erases one person's submission data, held submissions and evidence; the
     * pseudonymous events stay. `request`: the request this erasure answers,
     * named in the audit entry.
     */
    async eraseSubject(identifier: string, request?: string): Promise<EraseResult> {
      const subject = pseudonymOf(strapi, identifier);
      // Every pseudonym linked to theirs is the same person (services/identities.ts).
      return eraseOf(
        subject,
        await getService(strapi, 'identities').pseudonymsOf(subject),
        request,
      );
    },
  };
};

export default subjectsService;

declare module './registry' {
  interface PluginServices {
    subjects: ReturnType<typeof subjectsService>;
  }
}
