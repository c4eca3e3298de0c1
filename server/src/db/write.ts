import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { appendRows } from './append';
import { ORDER, rowsOf, type LedgerWrite, type TableRows } from './rows';
import { TABLES } from './tables';
import { writePostgresGrouped } from './write-postgres';
import { writeSqliteGrouped, type SqlitePool } from './write-sqlite';
import { pluginConfig } from '../utils/plugin';

export type { LedgerWrite } from './rows';

/** MySQL/MariaDB (and any other engine): one knex transaction. */
async function writeKnex(strapi: Core.Strapi, rows: TableRows) {
  await strapi.db.transaction(async ({ trx }) =>
    appendRows(
      trx as unknown as Knex,
      ORDER.map((t) => [TABLES[t], rows[t]] as const),
    ),
  );
}

/**
 * Writes one submission or decision — the submission row, its events and
 * evidence, the acceptance counters and subject state they move, the index
 * rows of its identifiers (db/identifiers.ts), and the idempotency record
 * — atomically, in the cheapest form the database
 * allows: one synchronous transaction on SQLite (shared with the writes of
 * the same event-loop turn, fsynced: group commit), one statement on
 * PostgreSQL (shared with the writes that arrived meanwhile: group commit),
 * one knex transaction elsewhere (MySQL/MariaDB).
 */
export async function writeLedger(strapi: Core.Strapi, w: LedgerWrite): Promise<void> {
  if (w.events.length === 0 && !w.submission && !w.pending?.length) return;
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  if (client === 'sqlite') {
    const durable = pluginConfig(strapi).durability === 'full';
    return writeSqliteGrouped(knex.client as SqlitePool, durable, w);
  }
  if (client === 'postgres') {
    return writePostgresGrouped(knex, strapi.db.getSchemaName() || undefined, w);
  }
  return writeKnex(strapi, rowsOf(w));
}
