import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { PeopleCounts } from '../../../shared/contracts';
import { anyLinkEntry, componentsAsOf } from '../db/links';
import { BatchState } from '../db/person-states';
import { PLUGIN_ID } from '../constants';
import { TABLES } from '../db/tables';
import { isLinkAction } from '../domain/links';
import {
  expiredCount,
  foldPeople,
  personKey,
  personOf,
  regroupDeltas,
  type PeopleEvent,
  type PeopleKind,
  type PolicyStanding,
} from '../domain/people-counts';
import { foldStanding } from '../domain/standing';
import { dayOf } from '../domain/zone';
import { clock, purposesConfig, timeZoneOf } from '../utils/plugin';

const CURSOR = '|cursor|';
/** The plugin store's record of what the stored standings hold (2: grant instants). */
const FORMAT_KEY = 'people-counts-format';
const FORMAT = 2;
const BATCH = 5000;

interface EventSlice {
  seq: number | string;
  subject: string;
  policy_key: string;
  action: PeopleEvent['action'];
  policy_version: number;
  locale: string | null;
  purposes: string | null;
  linked_subject: string | null;
  occurred_at: string;
}

/** What the counts read of an event (a link entry's other pseudonym besides). */
const SLICE_COLUMNS = [
  'seq',
  'subject',
  'policy_key',
  'action',
  'policy_version',
  'locale',
  'purposes',
  'occurred_at',
] as const;

class CursorMoved extends Error {}

const peopleEventOf = (e: EventSlice, subject: string): PeopleEvent => ({
  subject,
  policy: e.policy_key,
  action: e.action,
  version: Number(e.policy_version),
  locale: e.locale,
  purposes: e.purposes ? (JSON.parse(e.purposes) as Record<string, boolean>) : {},
  occurredAt: e.occurred_at,
});

/**
 * People counts: each person counted once per policy, by their standing now
 * (domain/people-counts.ts). A catch-up folds the sealed events after the
 * cursor into the stored standings and moves the counts, batch by batch,
 * each batch one transaction that first moves the cursor (so two instances
 * never count the same events: the second finds the cursor moved and stops).
 * The sealing job runs it after each seal; reports read a few rows.
 *
 * Linked identities (services/identities.ts) are one person: as the links
 * stood at each event (read from the ledger's own link entries, not from the
 * links table, which is ahead of the cursor), their events fold into one
 * standing keyed by `personOf`; at a `linked` or `unlinked` entry the people
 * it joins or splits are taken out of the counts and counted again from
 * their events.
 */
const peopleCountsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  async function cursor(): Promise<number> {
    const row = await knex()(TABLES.people).where({ bucket: CURSOR }).first('n');
    return Number(row?.n ?? 0);
  }

  /** The highest sealed seq: sealed ranges have no gaps left by in-flight writes. */
  async function sealedTo(): Promise<number> {
    const row = await knex()(TABLES.checkpoints).max({ m: 'seq_to' }).first();
    return Number(row?.m ?? 0);
  }

  /** Folds decisions (no link entries among them) as the links stood at `upTo`. */
  async function foldSegment(
    trx: Knex.Transaction,
    state: BatchState,
    segment: EventSlice[],
    upTo: number,
    linksExist: boolean,
  ) {
    if (!segment.length) return;
    const persons = linksExist
      ? await componentsAsOf(
          trx,
          segment.map((e) => e.subject),
          upTo,
        )
      : new Map<string, string[]>();
    const events = segment.map((e) => {
      const members = persons.get(e.subject);
      return peopleEventOf(e, members ? personOf(members) : e.subject);
    });
    await state.load(events.map((e) => personKey(e.subject, e.policy)));
    const { standings, deltas } = foldPeople(state.standings, events, timeZoneOf(strapi));
    for (const [k, s] of standings) state.set(k, s);
    state.add(deltas);
  }

  /** A link or unlink at `e.seq`: the people it joins or splits are counted again. */
  async function regroup(trx: Knex.Transaction, state: BatchState, e: EventSlice) {
    const seq = Number(e.seq);
    const pair = [e.subject, e.linked_subject ?? e.subject];
    const groups = async (upTo: number) => {
      const found = await componentsAsOf(trx, pair, upTo);
      const sets = pair.map((p) => [...(found.get(p) ?? [p])].sort());
      const unique = new Map(sets.map((m) => [m.join(','), m]));
      return [...unique.values()];
    };
    const before = await groups(seq - 1);
    const after = await groups(seq);
    const same = (a: string[][], b: string[][]) =>
      a
        .map((m) => m.join(','))
        .sort()
        .join(';') ===
      b
        .map((m) => m.join(','))
        .sort()
        .join(';');
    if (same(before, after)) return; // a cycle closed or opened: the same people
    const removed = await state.allOf(before.map(personOf));
    for (const people of before)
      for (const r of removed) state.remove(personKey(personOf(people), r.policy));
    const added: PolicyStanding[] = [];
    for (const members of after) {
      // Their decisions up to here, oldest first: one standing per policy.
      const rows = (await trx(TABLES.events)
        .select(...SLICE_COLUMNS)
        .whereIn('subject', members)
        .whereNot('policy_key', '')
        .where('seq', '<=', seq)
        .orderBy('seq', 'asc')) as EventSlice[];
      const byPolicy = new Map<string, PeopleEvent[]>();
      for (const r of rows) {
        const list = byPolicy.get(r.policy_key) ?? [];
        list.push(peopleEventOf(r, personOf(members)));
        byPolicy.set(r.policy_key, list);
      }
      for (const [policy, list] of byPolicy) {
        const standing = foldStanding(list);
        state.set(personKey(personOf(members), policy), standing);
        added.push({ policy, standing });
      }
    }
    state.add(regroupDeltas(removed, added, timeZoneOf(strapi)));
  }

  /** Counts the events of (from, to] in one transaction; throws CursorMoved if another did. */
  async function countBatch(from: number, to: number): Promise<number> {
    return strapi.db.transaction(async ({ trx }) => {
      // The cursor first: it serializes catch-ups across instances.
      const moved = await trx(TABLES.people).where({ bucket: CURSOR, n: from }).update({ n: to });
      if (!moved) throw new CursorMoved();
      const events = (await trx(TABLES.events)
        .select(...SLICE_COLUMNS, 'linked_subject')
        .where('seq', '>', from)
        .andWhere('seq', '<=', to)
        .orderBy('seq', 'asc')) as EventSlice[];
      if (!events.length) return 0;
      const state = new BatchState(trx);
      // Most ledgers link nobody: then no walk at all.
      const linksExist = await anyLinkEntry(trx, to);
      let segment: EventSlice[] = [];
      for (const e of events) {
        if (!isLinkAction(e.action)) {
          segment.push(e);
          continue;
        }
        await foldSegment(trx, state, segment, Number(e.seq) - 1, linksExist);
        segment = [];
        await regroup(trx, state, e);
      }
      await foldSegment(trx, state, segment, to, linksExist);
      await state.store(to);
      return events.length;
    });
  }

  /**
   * Counts the sealed events not counted yet, up to `maxEvents` (the rest
   * at the next run). Returns how many were counted and the new cursor.
   */
  async function catchUp({ maxEvents = 50_000 } = {}): Promise<{
    counted: number;
    upTo: number;
  }> {
    await knex()(TABLES.people)
      .insert({ bucket: CURSOR, policy_key: '', kind: 'cursor', key: '', n: 0 })
      .onConflict('bucket')
      .ignore();
    const bound = await sealedTo();
    let at = await cursor();
    let counted = 0;
    while (at < bound && counted < maxEvents) {
      const to = Math.min(bound, at + BATCH);
      try {
        counted += await countBatch(at, to);
      } catch (e) {
        if (e instanceof CursorMoved) break; // another instance is counting
        throw e;
      }
      at = to;
    }
    return { counted, upTo: await cursor() };
  }

  /** The people counts of one policy, and how far they reach. */
  async function countsOf(policy: string): Promise<PeopleCounts> {
    const [rows, upTo, top] = await Promise.all([
      knex()(TABLES.people).where({ policy_key: policy }).select('kind', 'key', 'n') as Promise<
        Array<{ kind: PeopleKind; key: string; n: number | string }>
      >,
      cursor(),
      knex()(TABLES.events).max({ m: 'seq' }).first(),
    ]);
    const counts: PeopleCounts = {
      people: 0,
      declining: 0,
      byEdition: [],
      withoutEdition: 0,
      purposes: [],
      countedUpTo: upTo,
      notYetCounted: Math.max(0, Number(top?.m ?? 0) - upTo),
    };
    const granted: Array<{ key: string; n: number }> = [];
    for (const r of rows) {
      const n = Number(r.n);
      if (r.kind === 'person') counts.people = n;
      else if (r.kind === 'declining') counts.declining = n;
      else if (r.kind === 'edition' && n > 0)
        counts.byEdition.push({ version: Number(r.key), people: n });
      else if (r.kind === 'purpose')
        counts.purposes.push({ purpose: r.key, people: n, expired: 0 });
      else if (r.kind === 'granted') granted.push({ key: r.key, n });
    }
    // A purpose with a lifetime: its people whose grant has expired today are not consenting now.
    const config = purposesConfig(strapi);
    const today = dayOf(clock(strapi).now().toISOString(), timeZoneOf(strapi));
    for (const p of counts.purposes) {
      const days = config[p.purpose]?.renewAfterDays;
      if (!days) continue;
      p.expired = Math.min(p.people, expiredCount(granted, p.purpose, days, today));
      p.people -= p.expired;
    }
    counts.byEdition.sort((a, b) => a.version - b.version);
    const onAnEdition = counts.byEdition.reduce((sum, e) => sum + e.people, 0);
    counts.withoutEdition = Math.max(0, counts.people - onAnEdition);
    counts.purposes.sort((a, b) => a.purpose.localeCompare(b.purpose));
    return counts;
  }

  /**
   * Standings folded before 0.10 lack each purpose's grant instant
   * (`grantedAt`), so their people would never count as expired: once, the
   * counts are started again from the first event (the catch-up refolds the
   * sealed ledger over the next seals, `maxEvents` a run; the report says
   * how far it has come). Returns whether it started them again.
   */
  async function upgrade(): Promise<boolean> {
    const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
    if ((await store.get({ key: FORMAT_KEY })) === FORMAT) return false;
    const counted = await cursor();
    if (counted > 0) {
      await strapi.db.transaction(async ({ trx }) => {
        await trx(TABLES.personState).del();
        await trx(TABLES.people).del();
      });
    }
    await store.set({ key: FORMAT_KEY, value: FORMAT });
    return counted > 0;
  }

  return { catchUp, countsOf, upgrade };
};

export default peopleCountsService;

declare module './registry' {
  interface PluginServices {
    'people-counts': ReturnType<typeof peopleCountsService>;
  }
}
