import { z } from '@strapi/utils';
import { parseDate } from '../domain/deadlines';
import { NAME as PURPOSE_KEY } from '../domain/form';
import { isValidLocaleTag } from '../domain/locale';

const locale = z
  .string()
  .refine(isValidLocaleTag, { message: 'must be a locale code such as "kk" or "en-GB"' });
const int = (min: number, max: number) => z.number().int().min(min).max(max);
const cronRule = z.string().refine((v) => /^\s*\S+(\s+\S+){4,5}\s*$/.test(v), {
  message: 'must be a cron rule such as "*/1 * * * *"',
});
/** An option group: missing keys take their defaults one by one, unknown keys are refused. */
const group = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape).prefault({} as z.input<z.ZodObject<T, z.core.$strict>>);

/**
 * Every option of the plugin, its type and its default. This schema is the
 * one place both are written: the README's table follows it.
 *
 * Strapi merges a plugin's defaults into the host's config with lodash
 * `defaultsDeep`, which merges arrays index by index (`['en']` over
 * `['kk', 'ru']` would give `['en', 'ru']`). So the plugin hands Strapi no
 * defaults at all and applies them here: an option the host gives replaces
 * its default whole (an array, a map), and an option group (`jobs`, `cache`…)
 * takes the defaults of the keys the host leaves out.
 */
const calendarDate = z.string().refine((v) => {
  try {
    parseDate(v);
    return true;
  } catch {
    return false;
  }
}, 'must be a calendar date (YYYY-MM-DD)');
const timeZone = z.string().refine((v) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: v });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as "Asia/Almaty"');
const deadline = (days: number, count: 'calendar' | 'working') =>
  z
    .strictObject({ days: int(0, 366), count: z.enum(['calendar', 'working']) })
    .default({ days, count });

/**
 * RFC 3161 time-stamping authorities: each sealed checkpoint's hash is
 * stamped by every one of them (after the seal, never blocking it), and
 * verify checks the tokens against `trustAnchors` (PEM). None (the
 * default): checkpoints rest on the operator's word, and the plugin warns.
 */
const timestamping = group({
  authorities: z
    .array(
      z.strictObject({
        name: z.string().min(1).max(64),
        url: z.url({ protocol: /^https?$/ }),
        trustAnchors: z.string().refine((v) => v.includes('-----BEGIN CERTIFICATE-----'), {
          message: "must be one or more PEM certificates (the TSA's CA)",
        }),
      }),
    )
    .default([]),
  /** How long to wait for a TSA's answer, in milliseconds. */
  timeoutMs: int(100, 120_000).default(10_000),
  /** A checkpoint no token covers yet is overdue after this many minutes (verify says so). */
  graceMinutes: int(1, 10_080).default(60),
});

/** One limit: at most `points` requests per `seconds`. */
const window = (points: number, seconds: number) =>
  z
    .strictObject({ points: int(1, 1_000_000_000), seconds: int(1, 86_400) })
    .default({ points, seconds });

/**
 * Abuse limits on the public write routes (submissions, consents,
 * withdrawals) and the public status lookup: per client address and per
 * person, counted in the app's own database (rate-limiter-flexible), so every
 * instance shares them. Over a limit: 429 with Retry-After, nothing written.
 */
const limits = group({
  enabled: z.boolean().default(true),
  /** Requests per client address (the address Koa sees: set the app's proxy settings behind a proxy). */
  perAddress: window(60, 60),
  /** Writes per person (the pseudonymous subject of a submission, consent or withdrawal). */
  perSubject: window(10, 600),
});

/** A URL template: absolute http(s), with the placeholders it must hold. */
const urlTemplate = (...placeholders: string[]) =>
  z.string().refine((v) => /^https?:\/\//.test(v) && placeholders.every((p) => v.includes(p)), {
    message: `must be an http(s) URL containing ${placeholders.join(', ')}`,
  });

/**
 * E-mail: the double opt-in link and notices of material changes, sent
 * through Strapi's email plugin (its provider and `defaultFrom`) from an
 * outbox in the database, so a slow or failing mail server never holds up a
 * submission and no message is lost when an instance stops.
 */
const mail = group({
  /** Days an unconfirmed submission waits for its link before it is erased. */
  confirmDays: int(1, 90).default(7),
  /**
   * The page a confirmation link opens, with `{token}`: your site's page,
   * which POSTs the token to /confirmations/:token. null (the default): the
   * plugin's own page on this server (`server.url`).
   */
  confirmUrl: urlTemplate('{token}').nullable().default(null),
  /**
   * The page of an edition, linked from notices, with `{policy}` and
   * `{version}` (and `{locale}` if you like). null (the default): the public
   * API's edition on this server.
   */
  editionUrl: urlTemplate('{policy}', '{version}').nullable().default(null),
  /** The sender; null (the default): the email plugin's `defaultFrom`. */
  from: z.string().min(3).max(254).nullable().default(null),
  /** Messages one run of the sender sends; the rest go on the next run. */
  batchSize: int(1, 10_000).default(200),
  /** Notices written to the outbox (and `notified` entries to the ledger) per transaction. */
  noticeBatchSize: int(1, 10_000).default(500),
});

/**
 * What a purpose (a key of the forms' `purposes`, e.g. `marketing`) declares,
 * whichever form or API call records it. A purpose left out: its grant does
 * not expire and Global Privacy Control is kept as evidence only.
 */
const purposes = z
  .record(
    z.string().regex(PURPOSE_KEY, 'must be a purpose key (a letter, then letters, digits or _)'),
    z.strictObject({
      /** Calendar days (in `timeZone`) a grant lasts: made on day D, it has expired from the start of day D + N; null: never. */
      renewAfterDays: int(1, 36_500).nullable().default(null),
      /**
       * Global Privacy Control applies to this purpose (e.g. selling or
       * sharing data): a grant of it from a browser sending `Sec-GPC: 1` is
       * refused unless the body carries `gpcAcknowledged: true`.
       */
      gpc: z.boolean().default(false),
    }),
    {
      error: (iss) =>
        iss.code === 'invalid_key'
          ? 'must be a purpose key (a letter, then letters, digits or _)'
          : undefined,
    },
  )
  .default({});

export const configSchema = z.strictObject({
  /** Days between release and effect; a policy may override it (0 = on release). */
  effectDelayDays: int(0, 3650).default(7),
  /**
   * Locales every edition must have before release; a policy may override it.
   * `null` (the default): the host's i18n default locale, read when needed.
   */
  requiredLocales: z.array(locale).min(1).nullable().default(null),
  /** Fallback chain: requested locale → locales to try next, in order. */
  fallbackLocales: z.record(locale, z.array(locale)).default({}),
  /** HMAC secret for subject pseudonyms (required outside development); '' counts as not set. */
  subjectSecret: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.string().min(16).nullable(),
  ),
  evidence: group({ ip: z.enum(['truncate', 'hash', 'full', 'none']).default('truncate') }),
  retention: group({
    evidenceDays: int(1, 36500).default(30),
    submissionDays: int(1, 36500).default(365),
  }),
  cache: group({
    /** Cache-Control max-age for public policy responses, in seconds. */
    maxAge: int(0, 31536000).default(300),
    /** How long an instance keeps a policy in memory before re-reading it, in seconds. */
    ttl: int(0, 3600).default(5),
  }),
  fastPath: group({
    /** Answer the current policy and anonymous submissions before Strapi's router (same response). */
    enabled: z.boolean().default(true),
  }),
  submission: group({
    /** Largest accepted JSON body of a submission or consent call, in bytes. */
    maxBodyBytes: int(1024, 10 * 1024 * 1024).default(64 * 1024),
  }),
  /**
   * `full` (the default): an acknowledged write survives a power loss. On
   * SQLite the plugin sets `synchronous = FULL` on the connection (the demo's
   * WAL + NORMAL could lose the last commits) and commits the writes that
   * arrive together in one transaction (one fsync); on PostgreSQL and MySQL
   * it checks the server's settings and warns when commits are not durable.
   * `host`: leave the database's settings as the app made them (and warn).
   */
  durability: z.enum(['full', 'host']).default('full'),
  /**
   * Hostile request bodies (malformed gzip, deflate or multipart, an unknown
   * encoding or charset) answer 400 / 415 in Strapi's error envelope instead
   * of a 500 with a logged stack trace: on the plugin's routes (`plugin`, the
   * default) or on every route of the app (`app`).
   */
  bodyGuard: z.enum(['plugin', 'app']).default('plugin'),
  limits,
  mail,
  timestamping,
  purposes,
  /**
   * The time zone of the plugin's calendar days (a request's receipt and due
   * date). null (the default): the host's own zone.
   */
  timeZone: timeZone.nullable().default(null),
  /** The register of data-subject requests: deadlines per type, and the working-day calendar. */
  requests: group({
    deadlines: group({
      access: deadline(30, 'calendar'),
      correction: deadline(30, 'calendar'),
      erasure: deadline(30, 'calendar'),
      withdrawal: deadline(30, 'calendar'),
      objection: deadline(30, 'calendar'),
    }),
    /** Days of the week off (0 = Sunday … 6 = Saturday). */
    weekend: z.array(int(0, 6)).max(6).default([6, 0]),
    /** Public holidays, "YYYY-MM-DD". */
    holidays: z.array(calendarDate).default([]),
    /** A request is "due soon" from this many days before its due date. */
    dueSoonDays: int(0, 90).default(3),
  }),
  jobs: group({
    /**
     * Run the sealing and retention jobs on this instance (each period is
     * claimed in the database, so one instance runs it). Independent of the
     * host's `server.cron.enabled`, which only governs the app's own tasks.
     */
    enabled: z.boolean().default(true),
    /** Cron rule of the sealing job. */
    seal: cronRule.default('*/1 * * * *'),
    /** Cron rule of the retention job. */
    retention: cronRule.default('17 3 * * *'),
    /** Cron rule of the mail sender (it also runs right after a write that queues mail). */
    mail: cronRule.default('*/1 * * * *'),
    /** Cron rule of the full verification (every event, audit entry and checkpoint). */
    verify: cronRule.default('41 2 * * *'),
    /** Events younger than this are left for the next seal (in-flight transactions). */
    sealLagSeconds: int(0, 3600).default(30),
  }),
});

export type PluginConfig = z.infer<typeof configSchema>;

/**
 * The `timestamping` options as the app's configuration holds them now (read
 * on each use: seals and verifications are rare, and an app may change its
 * authorities at runtime with strapi.config.set). Validated like at boot.
 */
export function resolveTimestamping(raw: unknown): PluginConfig['timestamping'] {
  const result = timestamping.safeParse(raw);
  if (result.success) return result.data;
  throw new Error(
    `Invalid policy-ledger configuration (timestamping): ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
  );
}

/** The `purposes` option as configured now (an app or a test may change it at runtime). */
export function resolvePurposes(raw: unknown): PluginConfig['purposes'] {
  const result = purposes.safeParse(raw);
  if (result.success) return result.data;
  throw new Error(
    `Invalid policy-ledger configuration (purposes): ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
  );
}

/** The `limits` options as configured now (an app or a test may change them at runtime). */
export function resolveLimits(raw: unknown): PluginConfig['limits'] {
  const result = limits.safeParse(raw);
  if (result.success) return result.data;
  throw new Error(
    `Invalid policy-ledger configuration (limits): ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
  );
}

/**
 * The host's `config/plugins` entry for the plugin → the plugin's complete
 * configuration. Throws one error naming every problem with its path.
 */
export function resolveConfig(raw: unknown): PluginConfig {
  const result = configSchema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`,
  );
  throw new Error(`Invalid policy-ledger configuration:\n  - ${problems.join('\n  - ')}`);
}

/** Every locale the configuration names, with the option that names it. */
export function configuredLocales(
  config: Pick<PluginConfig, 'requiredLocales' | 'fallbackLocales'>,
): Array<{ locale: string; option: string }> {
  const named: Array<{ locale: string; option: string }> = [];
  for (const locale of config.requiredLocales ?? [])
    named.push({ locale, option: 'requiredLocales' });
  for (const [from, to] of Object.entries(config.fallbackLocales)) {
    named.push({ locale: from, option: 'fallbackLocales' });
    for (const locale of to) named.push({ locale, option: `fallbackLocales.${from}` });
  }
  return named;
}

/** The configuration of a host that sets nothing. */
export const defaultConfig: PluginConfig = resolveConfig({});

export default {
  // No defaults for Strapi to merge (see configSchema): resolveConfig applies them.
  default: {},
  validator: (config: unknown) => {
    resolveConfig(config);
  },
};
