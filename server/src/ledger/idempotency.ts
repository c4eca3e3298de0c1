import type { Core } from '@strapi/strapi';
import { canonicalJson } from '../domain/canonical';
import { sha256Hex } from '../domain/hash';
import { TABLES } from '../db/tables';
import { isUniqueViolation } from '../utils/db';
import { unprocessable } from '../http/errors';
import { clock } from '../utils/plugin';

/** The idempotency row a write stores with its rows, or null without a key. */
export type IdempotencyRecord = Record<string, unknown> | null;

/**
 * Runs `write` once per Idempotency-Key and scope: a replay with the same body
 * gets the first response, another body a 422. `write` receives `record`,
 * which turns its response into the idempotency row to store in the same
 * transaction. The key (at most 200 characters) is checked at the edge
 * (http/request-meta.ts). Two concurrent requests with one key: the unique index lets
 * one commit, the other replays it.
 */
export async function idempotent<T>(
  strapi: Core.Strapi,
  scope: string,
  key: string | null,
  body: unknown,
  write: (record: (response: T) => IdempotencyRecord) => Promise<T>,
): Promise<T> {
  if (!key) return write(() => null);
  // The column holds 255 characters; a longer key is stored by its hash.
  const plain = `${scope}:${key}`;
  const scopeKey = plain.length <= 255 ? plain : `${scope}:sha256:${sha256Hex(key)}`;
  const requestHash = sha256Hex(canonicalJson(body ?? null));
  const knex = strapi.db.connection;

  const replay = async (): Promise<T | null> => {
    const prior = await knex(TABLES.idempotency).where({ scope_key: scopeKey }).first();
    if (!prior) return null;
    if (prior.request_hash !== requestHash) {
      throw unprocessable('This Idempotency-Key was already used with a different request body', {
        idempotencyKey: key,
      });
    }
    return JSON.parse(prior.response) as T;
  };

  const first = await replay();
  if (first) return first;
  try {
    return await write((response) => ({
      scope_key: scopeKey,
      request_hash: requestHash,
      status: 201,
      response: JSON.stringify(response),
      created_at: clock(strapi).now().toISOString(),
    }));
  } catch (e) {
    if (isUniqueViolation(e)) {
      const again = await replay();
      if (again) return again;
    }
    throw e;
  }
}
