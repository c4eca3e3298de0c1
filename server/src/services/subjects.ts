import type { Core } from '@strapi/strapi';
import type { EraseResult, SubjectExport } from '../../../shared/contracts';
import { contentOfRow, type EventRow } from '../db/event-row';
import { TABLES } from '../db/tables';
import { getService } from '../utils/get-service';
import { clock } from '../utils/plugin';
import { pseudonymOf } from '../utils/subjects';

/** A person's access and erasure requests: everything held on them, and erasing what may be erased. */
interface SubmissionRow {
  public_id: string;
  form_key: string;
  form_revision: number;
  locale: string;
  received_at: string;
  data: string | null;
  erased_at: string | null;
}

interface EvidenceRow {
  event_id: string;
  ip: string | null;
  user_agent: string | null;
  page_url: string | null;
}

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

  return {
    /** Everything held on one person (an access request). */
    async exportSubject(identifier: string): Promise<SubjectExport> {
      const subject = pseudonymOf(strapi, identifier);
      const knex = strapi.db.connection;
      const submissions = (await knex(TABLES.submissions)
        .where({ subject })
        .orderBy('id', 'asc')) as SubmissionRow[];
      const events = (await knex(TABLES.events)
        .where({ subject })
        .orderBy('seq', 'asc')) as EventRow[];
      const evidence = events.length
        ? ((await knex(TABLES.evidence).whereIn(
            'event_id',
            events.map((e) => e.event_id),
          )) as EvidenceRow[])
        : [];
      const evidenceOf = new Map(evidence.map((x) => [x.event_id, x]));
      return {
        subject,
        submissions: submissions.map((s) => ({
          id: s.public_id,
          form: s.form_key,
          formRevision: Number(s.form_revision),
          locale: s.locale,
          receivedAt: s.received_at,
          data: s.data ? (JSON.parse(s.data) as Record<string, unknown>) : null,
          erasedAt: s.erased_at ?? null,
        })),
        events: events.map((row) => {
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
            submission: e.submission,
            evidence: x ? { ip: x.ip, userAgent: x.user_agent, pageUrl: x.page_url } : null,
          };
        }),
        texts: await textsAccepted(events),
      };
    },

    /**
     * Erases one person's submission data and evidence; the pseudonymous events stay.
     * `request`: the request this erasure answers, named in the audit entry.
     */
    async eraseSubject(identifier: string, request?: string): Promise<EraseResult> {
      const subject = pseudonymOf(strapi, identifier);
      const now = clock(strapi).now().toISOString();
      return strapi.db.transaction(async ({ trx }) => {
        const submissions = await trx(TABLES.submissions)
          .where({ subject })
          .whereNull('erased_at')
          .update({ data: null, erased_at: now, erase_reason: 'erasure' });
        const ids = trx(TABLES.events).select('event_id').where({ subject });
        const evidence = await trx(TABLES.evidence).whereIn('event_id', ids).del();
        await getService(strapi, 'audit').record(
          'subject.erased',
          subject,
          request ? { submissions, evidence, request } : { submissions, evidence },
          { trx },
        );
        return { submissions, evidence };
      });
    },
  };
};

export default subjectsService;

declare module './registry' {
  interface PluginServices {
    subjects: ReturnType<typeof subjectsService>;
  }
}
