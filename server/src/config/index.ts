import { isValidLocaleTag } from '../domain/locale';

export interface PluginConfig {
  /** Days between release and effect; a policy may override it (0 = on release). */
  effectDelayDays: number;
  /** Locales every edition must have before release; a policy may override it. */
  requiredLocales: string[];
  /** Fallback chain: requested locale → locales to try next, in order. */
  fallbackLocales: Record<string, string[]>;
  /** HMAC secret for subject pseudonyms (required outside development). */
  subjectSecret: string | null;
  evidence: { ip: 'truncate' | 'hash' | 'full' | 'none' };
  retention: { evidenceDays: number; submissionDays: number };
  cache: {
    /** Cache-Control max-age for public policy responses, in seconds. */
    maxAge: number;
    /** How long an instance keeps a policy in memory before re-reading it, in seconds. */
    ttl: number;
  };
  fastPath: {
    /** Answer GET …/policies/:key/current before Strapi's global middlewares (same response). */
    enabled: boolean;
  };
  submission: {
    /** Largest accepted JSON body of a submission or consent call, in bytes. */
    maxBodyBytes: number;
  };
  jobs: {
    /** Run the sealing and retention jobs on this instance (they claim each period in the database). */
    enabled: boolean;
    /** Cron rule of the sealing job. */
    seal: string;
    /** Cron rule of the retention job. */
    retention: string;
    /** Events younger than this are left for the next seal (in-flight transactions). */
    sealLagSeconds: number;
  };
}

export const defaultConfig: PluginConfig = {
  effectDelayDays: 7,
  requiredLocales: ['kk', 'ru'],
  fallbackLocales: {},
  subjectSecret: null,
  evidence: { ip: 'truncate' },
  retention: { evidenceDays: 30, submissionDays: 365 },
  cache: { maxAge: 300, ttl: 5 },
  fastPath: { enabled: true },
  submission: { maxBodyBytes: 64 * 1024 },
  jobs: { enabled: true, seal: '*/1 * * * *', retention: '17 3 * * *', sealLagSeconds: 30 },
};

const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/**
 * Validates the merged plugin configuration at boot. Every problem is named
 * with its path so that a misconfigured app fails with a clear message.
 */
export function validateConfig(config: unknown): void {
  const c = config as Partial<PluginConfig> & Record<string, unknown>;
  const problems: string[] = [];
  if (!isInt(c.effectDelayDays, 0, 3650)) problems.push('effectDelayDays must be an integer between 0 and 3650');
  if (!Array.isArray(c.requiredLocales) || c.requiredLocales.length === 0 || !c.requiredLocales.every((l) => typeof l === 'string' && isValidLocaleTag(l))) {
    problems.push('requiredLocales must be a non-empty array of locale codes such as "kk"');
  }
  const fb = c.fallbackLocales;
  if (typeof fb !== 'object' || fb === null || Array.isArray(fb)) {
    problems.push('fallbackLocales must be an object mapping a locale to an array of locales');
  } else {
    for (const [from, to] of Object.entries(fb)) {
      if (!isValidLocaleTag(from) || !Array.isArray(to) || !to.every((l) => typeof l === 'string' && isValidLocaleTag(l))) {
        problems.push(`fallbackLocales.${from} must be an array of locale codes`);
      }
    }
  }
  if (c.subjectSecret !== null && c.subjectSecret !== undefined && (typeof c.subjectSecret !== 'string' || c.subjectSecret.length < 16)) {
    problems.push('subjectSecret must be a string of at least 16 characters');
  }
  if (!c.evidence || !['truncate', 'hash', 'full', 'none'].includes((c.evidence as PluginConfig['evidence']).ip)) {
    problems.push('evidence.ip must be one of truncate, hash, full, none');
  }
  const r = c.retention as PluginConfig['retention'] | undefined;
  if (!r || !isInt(r.evidenceDays, 1, 36500)) problems.push('retention.evidenceDays must be a positive integer');
  if (!r || !isInt(r.submissionDays, 1, 36500)) problems.push('retention.submissionDays must be a positive integer');
  const cache = c.cache as PluginConfig['cache'] | undefined;
  if (!cache || !isInt(cache.maxAge, 0, 31536000)) problems.push('cache.maxAge must be an integer number of seconds ≥ 0');
  if (!cache || !isInt(cache.ttl, 0, 3600)) problems.push('cache.ttl must be an integer number of seconds between 0 and 3600');
  if (!c.fastPath || typeof (c.fastPath as PluginConfig['fastPath']).enabled !== 'boolean') problems.push('fastPath.enabled must be true or false');
  const sub = c.submission as PluginConfig['submission'] | undefined;
  if (!sub || !isInt(sub.maxBodyBytes, 1024, 10 * 1024 * 1024)) problems.push('submission.maxBodyBytes must be an integer between 1024 and 10485760');
  const jobs = c.jobs as PluginConfig['jobs'] | undefined;
  if (!jobs || typeof jobs.enabled !== 'boolean') problems.push('jobs.enabled must be true or false');
  if (!jobs || typeof jobs.seal !== 'string' || jobs.seal.trim().split(/\s+/).length < 5) problems.push('jobs.seal must be a cron rule such as "*/1 * * * *"');
  if (!jobs || typeof jobs.retention !== 'string' || jobs.retention.trim().split(/\s+/).length < 5) problems.push('jobs.retention must be a cron rule such as "17 3 * * *"');
  if (!jobs || !isInt(jobs.sealLagSeconds, 0, 3600)) problems.push('jobs.sealLagSeconds must be an integer between 0 and 3600');
  if (problems.length) {
    throw new Error(`Invalid policy-ledger configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

export default {
  default: defaultConfig,
  validator: validateConfig,
};
