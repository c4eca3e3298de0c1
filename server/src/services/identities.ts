import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { EvidenceStrength, LinkAction, LinkResult } from '../../../shared/contracts';
import { rowOfContent } from '../db/event-row';
import { linkRow, type LinkRow } from '../db/links';
import { TABLES } from '../db/tables';
import {
  componentOf,
  isLinkedGeneration,
  linkEntryKey,
  linkPair,
  nextGeneration,
  type LinkEdge,
} from '../domain/links';
import { conflict } from '../http/errors';
import { newEvent } from '../ledger/events';
import { evidenceOf, type RequestMeta } from '../ledger/evidence';
import { isUniqueViolation } from '../utils/db';
import { getService } from '../utils/get-service';
import { clock } from '../utils/plugin';
import { pseudonymOf } from '../utils/subjects';

/** Who links (or unlinks) two pseudonyms, and on what evidence. */
export interface LinkedBy {
  /** `api`: the operator's server; `form`: a confirmed double opt-in submission. */
  method: 'api' | 'form';
  /** The request that asked for it (its evidence is stored with the entry). */
  meta?: RequestMeta | null;
  /** The submission whose confirmation links them (method `form`). */
  submission?: string | null;
  form?: { key: string; revision: number; hash: string } | null;
  strength?: EvidenceStrength;
}

/** More than this many pseudonyms for one person is surely a mistake: the walk stops there. */
const MAX_COMPONENT = 1000;
/** Pseudonyms per query (SQLite allows 999 parameters, twice over a list). */
const CHUNK = 400;

/**
 * Linked identities: one person may hold several identifiers (an e-mail, a
 * phone, a site account `id:<user id>`), each with its own pseudonym. A
 * `linked` ledger entry binds two pseudonyms, an `unlinked` entry undoes it;
 * policy_ledger_links (db/links.ts) keeps each pair's state, in the entry's
 * own atomic write. The person is the connected component of the active links
 * (domain/links.ts): standing, the person's record and export, erasure and
 * the people counts treat it as one.
 */
const identitiesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  /** The pair's generation: its number of entries (odd: linked; 0: never linked). */
  async function generationOf(a: string, b: string): Promise<number> {
    const [subject, linked] = linkPair(a, b);
    const row = (await knex()(TABLES.links)
      .where({ subject, linked_subject: linked })
      .first('generation')) as { generation: number | string } | undefined;
    return row ? Number(row.generation) : 0;
  }

  /** The active links touching any of `pseudonyms`. */
  async function edgesOf(pseudonyms: readonly string[]): Promise<LinkEdge[]> {
    const edges: LinkEdge[] = [];
    for (let i = 0; i < pseudonyms.length; i += CHUNK) {
      const part = pseudonyms.slice(i, i + CHUNK);
      const rows = (await knex()(TABLES.links)
        .where((q) => q.whereIn('subject', part).orWhereIn('linked_subject', part))
        .select('subject', 'linked_subject', 'generation')) as Array<
        LinkEdge & { generation: number | string }
      >;
      for (const r of rows)
        if (isLinkedGeneration(Number(r.generation)))
          edges.push({ subject: r.subject, linked_subject: r.linked_subject });
    }
    return edges;
  }

  /**
   * `pseudonymsOf` for many people at once (a bulk consent check): one query
   * per hop for the whole list, not per person.
   */
  async function pseudonymsOfMany(pseudonyms: readonly string[]): Promise<Map<string, string[]>> {
    const seen = new Set(pseudonyms);
    const limit = MAX_COMPONENT * Math.max(1, pseudonyms.length);
    const edges: LinkEdge[] = [];
    let frontier = [...seen];
    while (frontier.length && seen.size < limit) {
      const next: string[] = [];
      for (const e of await edgesOf(frontier)) {
        edges.push(e);
        for (const p of [e.subject, e.linked_subject])
          if (!seen.has(p)) {
            seen.add(p);
            next.push(p);
          }
      }
      frontier = next;
    }
    if (!edges.length) return new Map(pseudonyms.map((p) => [p, [p]]));
    const touched = new Set(edges.flatMap((e) => [e.subject, e.linked_subject]));
    return new Map(pseudonyms.map((p) => [p, touched.has(p) ? componentOf(p, edges) : [p]]));
  }

  /** The person's pseudonyms: `pseudonym` first, then every one linked to it, directly or not. */
  async function pseudonymsOf(pseudonym: string): Promise<string[]> {
    return (await pseudonymsOfMany([pseudonym])).get(pseudonym) ?? [pseudonym];
  }

  /** The pairs directly linked now among `pseudonyms` (each pair once, in canonical order). */
  async function linksAmong(pseudonyms: readonly string[]): Promise<LinkEdge[]> {
    const set = new Set(pseudonyms);
    const seen = new Set<string>();
    return (await edgesOf(pseudonyms)).filter((e) => {
      const k = `${e.subject}|${e.linked_subject}`;
      if (seen.has(k) || !set.has(e.subject) || !set.has(e.linked_subject)) return false;
      seen.add(k);
      return true;
    });
  }

  /**
   * Records a `linked` or `unlinked` entry between two pseudonyms, unless the
   * pair already stands so: linking twice records one entry; unlinking a
   * pair unlinked before records nothing; unlinking a pair that was never
   * linked (they may be connected through others) is a 409.
   */
  async function change(
    action: LinkAction,
    a: string,
    b: string,
    by: LinkedBy,
  ): Promise<LinkResult> {
    if (a === b) {
      const message = 'linkedSubject: is the same person as subject (the same identifier)';
      throw new errors.ValidationError(message, {
        errors: [{ path: ['linkedSubject'], message }],
      });
    }
    const answer = async (recorded: LinkResult['recorded']): Promise<LinkResult> => ({
      action,
      linked: action === 'linked',
      recorded,
      identities: (await pseudonymsOf(a)).length,
    });
    for (let attempt = 0; attempt < 3; attempt++) {
      const generation = await generationOf(a, b);
      if (action === 'unlinked' && generation === 0) {
        throw conflict('These identifiers are not linked to each other', {
          linked: false,
          connected: (await pseudonymsOf(a)).includes(b),
        });
      }
      const next = nextGeneration(generation, action);
      if (next === null) return answer(null);
      const now = clock(strapi).now();
      const evidence = by.meta ? evidenceOf(strapi, by.meta, now) : null;
      const event = newEvent({
        occurredAt: now.toISOString(),
        subject: a,
        linkedSubject: b,
        action,
        policy: '',
        version: 0,
        method: by.method,
        submission: by.submission ?? null,
        form: by.form?.key ?? null,
        formRevision: by.form?.revision ?? null,
        formHash: by.form?.hash ?? null,
        evidenceHash: evidence?.hash ?? null,
        ...(by.strength ? { strength: by.strength } : {}),
      });
      const links: LinkRow[] = [linkRow(event, next)];
      try {
        await getService(strapi, 'ledger-store').write({
          // At most one entry per pair and generation: a concurrent twin fails here.
          events: [rowOfContent(event, linkEntryKey(a, b, next))],
          evidence: evidence ? [{ event_id: event.id, ...evidence.item }] : [],
          links,
        });
        return answer({ id: event.id, occurredAt: event.occurredAt });
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        // Someone else moved the pair meanwhile: look again.
      }
    }
    return answer(null);
  }

  return {
    pseudonymsOf,
    pseudonymsOfMany,
    linksAmong,

    /** Binds two pseudonyms to one person (idempotent). */
    link: (a: string, b: string, by: LinkedBy) => change('linked', a, b, by),

    /** Undoes a link (idempotent once unlinked; 409 for a pair never linked). */
    unlink: (a: string, b: string, by: LinkedBy) => change('unlinked', a, b, by),

    /** POST /identities/link and /unlink: two identifiers, from the operator's server. */
    async changeIdentifiers(
      action: LinkAction,
      subject: string,
      linkedSubject: string,
      meta: RequestMeta,
    ): Promise<LinkResult> {
      return change(action, pseudonymOf(strapi, subject), pseudonymOf(strapi, linkedSubject), {
        method: 'api',
        meta,
      });
    },
  };
};

export default identitiesService;

declare module './registry' {
  interface PluginServices {
    identities: ReturnType<typeof identitiesService>;
  }
}
