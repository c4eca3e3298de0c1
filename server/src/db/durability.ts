import type { Core } from '@strapi/strapi';
import type { SetupWarning } from '../../../shared/contracts';
import { pluginConfig } from '../utils/plugin';
import { makeDurable, synchronousLevel, type SqlitePool } from './write-sqlite';

/** What the database says of its commits: durable across a power loss, or why not. */
export interface DurabilityReport {
  durable: boolean;
  setting: string;
}

/**
 * Reads (and on SQLite with `durability: 'full'`, sets) what makes an
 * acknowledged commit survive a power loss: SQLite's `synchronous` (FULL),
 * PostgreSQL's `fsync` and `synchronous_commit`, InnoDB's
 * `innodb_flush_log_at_trx_commit` (1).
 */
export async function durabilityOf(strapi: Core.Strapi): Promise<DurabilityReport> {
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  if (client === 'sqlite') {
    const pool = knex.client as SqlitePool;
    const db = await pool.acquireConnection();
    try {
      if (pluginConfig(strapi).durability === 'full') makeDurable(db);
      const level = synchronousLevel(db);
      return { durable: level === 'FULL' || level === 'EXTRA', setting: `synchronous=${level}` };
    } finally {
      await pool.releaseConnection(db);
    }
  }
  if (client === 'postgres') {
    const read = async (name: string) =>
      String(
        ((await knex.raw(`SHOW ${name}`)) as { rows: Array<Record<string, string>> }).rows[0][name],
      );
    const [fsync, commit] = [await read('fsync'), await read('synchronous_commit')];
    return {
      durable: fsync === 'on' && commit !== 'off',
      setting: `fsync=${fsync}, synchronous_commit=${commit}`,
    };
  }
  const [rows] = (await knex.raw('SELECT @@innodb_flush_log_at_trx_commit AS f')) as [
    Array<{ f: number | string }>,
  ];
  const f = String(rows[0]?.f);
  return { durable: f === '1', setting: `innodb_flush_log_at_trx_commit=${f}` };
}

/** The setup warning when acknowledged writes could be lost with the power. */
export function durabilityWarning(r: DurabilityReport): SetupWarning | null {
  if (r.durable) return null;
  return {
    code: 'not-durable',
    message:
      `The database acknowledges commits before they are on disk (${r.setting}): a power loss can lose consents already answered 201. ` +
      "Set the plugin's durability to 'full' (SQLite) or make the database server flush each commit.",
    values: { setting: r.setting },
  };
}
