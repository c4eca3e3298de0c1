import type { Core } from '@strapi/strapi';
import { canonicalJson } from '../domain/canonical';
import { sha256Hex } from '../domain/hash';
import { processIp } from '../domain/ip';
import type { PendingAddress } from '../limits/service';
import { pluginConfig } from '../utils/plugin';
import { subjectSecret } from '../utils/subjects';

/**
 * Who is speaking on a request, from its credentials (auth/caller.ts):
 * the operator's `server` (an API token, or the admin acting on a request),
 * a logged-in end `user` (JWT), or an `anonymous` caller.
 */
export type CallerKind = 'anonymous' | 'user' | 'server';

/** What the HTTP request tells about a decision (see http/request-meta.ts). */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  pageUrl: string | null;
  idempotencyKey: string | null;
  /**
   * Who is speaking (auth/caller.ts). The abuse limits apply to every caller
   * but `server`; a decision is `unverified` unless `server` recorded it.
   */
  caller: CallerKind;
  /** The request sent Global Privacy Control (`Sec-GPC: 1`). */
  gpc?: boolean;
  /**
   * A form submission's client address, counted against the abuse limits
   * together with its person (limits service `admit`), when it is limited.
   */
  address?: PendingAddress | null;
}

/** A row of the evidence table, without the event it belongs to. */
export interface EvidenceItem {
  ip: string | null;
  user_agent: string | null;
  page_url: string | null;
  created_at: string;
}

/** The evidence of one decision (IP as configured, user agent, page) and the hash its event commits to. */
export function evidenceOf(strapi: Core.Strapi, meta: RequestMeta, now: Date) {
  const item: EvidenceItem = {
    ip: processIp(meta.ip, pluginConfig(strapi).evidence.ip, subjectSecret(strapi)),
    user_agent: meta.userAgent ? meta.userAgent.slice(0, 512) : null,
    page_url: meta.pageUrl ? meta.pageUrl.slice(0, 2048) : null,
    created_at: now.toISOString(),
  };
  const hash = sha256Hex(
    canonicalJson({ ip: item.ip, userAgent: item.user_agent, pageUrl: item.page_url }),
  );
  return { item, hash };
}
