import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type {
  NewRequestBody,
  RequestAction,
  RequestActionTaken,
  RequestStatusBody,
  RequestStatusChange,
  RequestsPage,
  RequestsQuery,
  SubjectRequestEntry,
} from '../../../shared/contracts';
import { TABLES } from '../db/tables';
import { dateInZone, daysLeft, deadlineState, dueDate } from '../domain/deadlines';
import { ACTIONS_FOR, NEXT_STATUS, isClosed, transitionProblem } from '../domain/request-status';
import { conflict } from '../http/errors';
import { getService } from '../utils/get-service';
import { clock, pluginConfig, timeZoneOf } from '../utils/plugin';
import { pseudonymOf } from '../utils/subjects';

interface RequestRow {
  public_id: string;
  type: SubjectRequestEntry['type'];
  contact: string;
  subject: string;
  received_on: string;
  due_on: string;
  status: SubjectRequestEntry['status'];
  identity_method: string | null;
  identity_checked_at: string | null;
  reason: string | null;
  note: string | null;
  /** JSON list of RequestStatusChange; null on rows written before it was kept. */
  changes: string | null;
  actions: string | null;
  created_at: string;
  created_by: string;
  closed_at: string | null;
}

const invalid = (field: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [field], message }] });

/** A JSON list column: [] when empty. */
const listOf = <T>(json: string | null): T[] => (json ? (JSON.parse(json) as T[]) : []);

/** Text typed by the officer, trimmed; null when there is none. */
const typed = (value: string | undefined): string | null => value?.trim() || null;

/**
 * The register of data-subject requests: received with a due date from the
 * configured deadline of its type, moved through its statuses, answered by the
 * export, erasure or withdrawal taken from it (and recorded on it).
 */
const requestsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.connection(TABLES.requests);
  const audit = () => getService(strapi, 'audit');
  const today = () => dateInZone(clock(strapi).now(), timeZoneOf(strapi));

  function entryOf(r: RequestRow, day: string): SubjectRequestEntry {
    const closed = isClosed(r.status);
    return {
      id: r.public_id,
      type: r.type,
      contact: r.contact,
      subject: r.subject,
      receivedOn: r.received_on,
      dueOn: r.due_on,
      deadline: closed
        ? 'closed'
        : deadlineState(day, r.due_on, pluginConfig(strapi).requests.dueSoonDays),
      daysLeft: closed ? null : daysLeft(day, r.due_on),
      status: r.status,
      next: [...NEXT_STATUS[r.status]],
      availableActions: r.status === 'in-progress' ? [...ACTIONS_FOR[r.type]] : [],
      identityCheck:
        r.identity_method && r.identity_checked_at
          ? { method: r.identity_method, at: r.identity_checked_at }
          : null,
      reason: r.reason,
      note: r.note,
      changes: listOf<RequestStatusChange>(r.changes),
      actions: listOf<RequestActionTaken>(r.actions),
      createdAt: r.created_at,
      createdBy: r.created_by,
      closedAt: r.closed_at,
    };
  }

  async function rowOf(id: string): Promise<RequestRow> {
    const row = (await table().where({ public_id: id }).first()) as RequestRow | undefined;
    if (!row) throw new errors.NotFoundError(`No request ${id}`, { id });
    return row;
  }

  return {
    /** The register for a CSV download, recorded in the audit trail. */
    async exportList(q: RequestsQuery): Promise<RequestsPage> {
      const page = await this.list(q);
      await audit().record('request.exported', null, { rows: page.requests.length });
      return page;
    },

    async list(q: RequestsQuery): Promise<RequestsPage> {
      let query = table().select('*');
      if (q.status === 'open') query = query.whereNotIn('status', ['done', 'refused']);
      else if (q.status) query = query.where({ status: q.status });
      if (q.type) query = query.where({ type: q.type });
      const rows = (await query.orderBy([
        { column: 'due_on', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])) as RequestRow[];
      const day = today();
      return {
        timeZone: timeZoneOf(strapi),
        today: day,
        requests: rows.map((r) => entryOf(r, day)),
      };
    },

    async create(body: NewRequestBody, by: string): Promise<SubjectRequestEntry> {
      const day = today();
      const receivedOn = body.receivedOn ?? day;
      if (receivedOn > day) throw invalid('receivedOn', 'receivedOn cannot be after today');
      const { requests } = pluginConfig(strapi);
      const row: RequestRow = {
        public_id: randomUUID(),
        type: body.type,
        contact: body.contact.trim(),
        subject: pseudonymOf(strapi, body.contact),
        received_on: receivedOn,
        due_on: dueDate(receivedOn, requests.deadlines[body.type], requests),
        status: 'received',
        identity_method: null,
        identity_checked_at: null,
        reason: null,
        note: typed(body.note),
        changes: '[]',
        actions: '[]',
        created_at: clock(strapi).now().toISOString(),
        created_by: by,
        closed_at: null,
      };
      await strapi.db.transaction(async ({ trx }) => {
        await trx(TABLES.requests).insert(row);
        await audit().record(
          'request.created',
          row.public_id,
          { type: row.type, subject: row.subject, receivedOn, dueOn: row.due_on },
          { trx },
        );
      });
      return entryOf(row, day);
    },

    /**
     * Moves a request on. What the officer typed is kept on the change (reason, identity method,
     * note); the identity check and a refusal's reason also on the request itself.
     */
    async setStatus(id: string, body: RequestStatusBody, by: string): Promise<SubjectRequestEntry> {
      const row = await rowOf(id);
      const problem = transitionProblem(row.status, body.status, body);
      if (problem) {
        if (problem.field === 'status') throw conflict(problem.message, { status: row.status });
        throw invalid(problem.field, problem.message);
      }
      const now = clock(strapi).now().toISOString();
      const change: RequestStatusChange = {
        from: row.status,
        to: body.status,
        at: now,
        by,
        reason: typed(body.reason),
        identityMethod: typed(body.identityMethod),
        note: typed(body.note),
      };
      const patch: Partial<RequestRow> = {
        status: body.status,
        changes: JSON.stringify([...listOf<RequestStatusChange>(row.changes), change]),
      };
      if (change.identityMethod && row.status === 'verifying') {
        patch.identity_method = change.identityMethod;
        patch.identity_checked_at = now;
      }
      if (body.status === 'refused') patch.reason = change.reason;
      if (isClosed(body.status)) patch.closed_at = now;
      // Only from the status read: a concurrent move by someone else wins, this one is a 409.
      await strapi.db.transaction(async ({ trx }) => {
        const moved = await trx(TABLES.requests)
          .where({ public_id: id, status: row.status })
          .update(patch);
        if (!moved) throw conflict('The request changed meanwhile; load it again', { id });
        await audit().record(
          'request.status',
          id,
          // Notes and identity methods stay on the request, out of the sealed trail (never erased).
          { from: row.status, to: body.status, reason: patch.reason ?? null },
          { trx },
        );
      });
      return entryOf({ ...row, ...patch }, today());
    },

    /** Runs the export, erasure or withdrawal a request asks for, and records it on the request. */
    async act(id: string, action: RequestAction, by: string) {
      const row = await rowOf(id);
      if (row.status !== 'in-progress') {
        throw conflict(`Act on a request in progress; this one is ${row.status}`, { id });
      }
      if (!ACTIONS_FOR[row.type].includes(action)) {
        throw invalid(
          'action',
          `action must be ${ACTIONS_FOR[row.type].join(' or ')} for a ${row.type} request`,
        );
      }
      let result: Record<string, unknown>;
      let data: unknown = null;
      if (action === 'export') {
        data = await getService(strapi, 'subjects').exportSubject(row.contact);
        await audit().record('subject.exported', row.subject, { format: 'json', request: id });
        const held = data as { submissions: unknown[]; events: unknown[] };
        result = { submissions: held.submissions.length, events: held.events.length };
      } else if (action === 'erase') {
        result = { ...(await getService(strapi, 'subjects').eraseSubject(row.contact, id)) };
      } else {
        const meta = {
          ip: null,
          userAgent: null,
          pageUrl: null,
          idempotencyKey: null,
          caller: 'server' as const,
        };
        const w = await getService(strapi, 'consents').withdraw(
          { subject: row.contact },
          meta,
          'admin',
        );
        result = { withdrawn: w.events.length };
      }
      const taken: RequestActionTaken = {
        action,
        at: clock(strapi).now().toISOString(),
        by,
        result,
      };
      const actions = [...listOf<RequestActionTaken>(row.actions), taken];
      await table()
        .where({ public_id: id })
        .update({ actions: JSON.stringify(actions) });
      return { request: entryOf({ ...row, actions: JSON.stringify(actions) }, today()), data };
    },
  };
};

export default requestsService;

declare module './registry' {
  interface PluginServices {
    requests: ReturnType<typeof requestsService>;
  }
}
