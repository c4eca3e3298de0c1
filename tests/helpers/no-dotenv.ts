/**
 * Strapi loads `.env` from the working directory as soon as @strapi/core is
 * first required (dotenv, without overriding variables already set). The
 * demo's `.env` — made by `npm run develop`, with the demo's limits, locales
 * and database — must not reach the suites and benchmarks, which set what
 * they need themselves: they run as on a fresh clone. Import this module
 * before `@strapi/strapi`. An ENV_PATH set by the caller is kept.
 */
import os from 'node:os';
import path from 'node:path';

process.env.ENV_PATH ??= path.join(os.tmpdir(), 'policy-ledger-no-dotenv', '.env');
