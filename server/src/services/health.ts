import type { Core } from '@strapi/strapi';
import { configuredRequiredLocales, unknownConfiguredLocales } from '../utils/locales';
import { pluginConfig, timestampingConfig } from '../utils/plugin';
import { resolveLimits } from '../config';
import { PLUGIN_ID } from '../constants';
import type { SealStatus, SetupWarning } from '../../../shared/contracts';
import { getService } from '../utils/get-service';
import { durabilityOf, durabilityWarning } from '../db/durability';

/** Only in development can the plugin run without a secret (subjects.ts refuses elsewhere): it says so. */
export function subjectSecretWarning(secret: string | null): SetupWarning | null {
  if (secret) return null;
  return {
    code: 'subject-secret-missing',
    message:
      'subjectSecret is not set: subject pseudonyms use a fixed development secret that anyone can recompute. ' +
      'Set one (at least 16 characters) before collecting real data; outside development Strapi refuses to start without it.',
    values: {},
  };
}

/** Without a time-stamping authority, checkpoints rest on the operator's word: the plugin says so. */
export function timestampingWarning(authorities: number): SetupWarning | null {
  if (authorities > 0) return null;
  return {
    code: 'timestamping-off',
    message:
      'No time-stamping authority is configured (timestamping.authorities): the checkpoints prove the ledger unchanged only to those who trust this database. ' +
      'Configure an RFC 3161 authority so that receipts and verification hold against a rewritten database.',
    values: {},
  };
}

/** Without abuse limits, one client can flood the ledger and write in anyone's name as fast as it likes. */
export function limitsWarning(enabled: boolean): SetupWarning | null {
  if (enabled) return null;
  return {
    code: 'limits-off',
    message:
      'Abuse limits are off (limits.enabled: false): one client can send submissions and consents without limit. ' +
      'Turn them back on, or make sure a limiter in front of the app covers the public routes.',
    values: {},
  };
}

/** Double opt-in needs mail that arrives: Strapi's default provider (sendmail) rarely does. */
export function mailProviderWarning(provider: string | null): SetupWarning | null {
  if (provider && provider !== 'sendmail') return null;
  return {
    code: 'mail-sendmail',
    message:
      'Confirmation links and notices are e-mailed through Strapi\'s email plugin, whose provider is "sendmail" (the default): unless this server has a working sendmail, no link arrives and double opt-in submissions expire unconfirmed. ' +
      'Configure an email provider (e.g. @strapi/provider-email-nodemailer) in config/plugins.',
    values: {},
  };
}

/** Messages the outbox could not send. */
export function mailFailingWarning(count: number): SetupWarning | null {
  if (count === 0) return null;
  return {
    code: 'mail-failing',
    message: `${count} e-mail(s) (confirmation links, notices) could not be sent and wait in the outbox: check the email provider's settings and the log for "could not send".`,
    values: { count },
  };
}

/** Links in confirmation e-mails must open from a person's mailbox: not a private address. */
export function mailLinkWarning(confirmUrl: string | null, serverUrl: string, absolute: string) {
  if (confirmUrl || /^https?:\/\//.test(serverUrl)) return null;
  return {
    code: 'mail-link-local' as const,
    message:
      `Double opt-in links point at ${absolute}, this server's address as Strapi knows it: set the app's public URL (server.url) ` +
      "or the plugin's mail.confirmUrl (your site's confirmation page), or people cannot open the links they receive.",
    values: { url: absolute },
  };
}

/**
 * What the plugin says about its own setup, at boot (the log) and in the
 * admin (a banner on every tab): sealing that is off or behind, and
 * configured locales that the app's i18n does not have.
 */
const healthService = ({ strapi }: { strapi: Core.Strapi }) => {
  const sealStatus = () => getService(strapi, 'integrity').sealStatus();

  function sealingWarning(s: SealStatus): SetupWarning | null {
    if (s.status === 'behind') {
      return {
        code: 'sealing-behind',
        message:
          `Sealing is behind: ${s.unsealed} consent event(s) are not sealed into a checkpoint, the oldest for ${s.oldestUnsealedAgeSeconds} s ` +
          `(expected within ${s.overdueAfterSeconds} s). Check that an instance runs the plugin's jobs (jobs.enabled) and its log for "seal job failed".`,
        values: {
          unsealed: s.unsealed,
          age: s.oldestUnsealedAgeSeconds ?? 0,
          expected: s.overdueAfterSeconds,
        },
      };
    }
    if (s.status === 'off') {
      return {
        code: 'sealing-off',
        message:
          'Sealing is off on this instance (jobs.enabled: false): consent events are sealed into checkpoints only if another instance runs the jobs.',
        values: { unsealed: s.unsealed },
      };
    }
    return null;
  }

  async function localeSetupWarnings(): Promise<SetupWarning[]> {
    return (await unknownConfiguredLocales(strapi)).map(({ locale, option }) => ({
      code: 'unknown-locale' as const,
      message:
        option === 'requiredLocales'
          ? `Locale "${locale}" (${option}) is not a locale of this app: no edition can be released until it is added in Settings → Internationalization, or ${option} is changed.`
          : `Locale "${locale}" (${option}) is not a locale of this app: that fallback is never used.`,
      values: { locale, option },
    }));
  }

  async function warningsFor(seal: SealStatus): Promise<SetupWarning[]> {
    const single = [
      subjectSecretWarning(pluginConfig(strapi).subjectSecret),
      sealingWarning(seal),
      durabilityWarning(await durabilityOf(strapi)),
      timestampingWarning(timestampingConfig(strapi).authorities.length),
      limitsWarning(resolveLimits(strapi.config.get(`plugin::${PLUGIN_ID}.limits`)).enabled),
      mailProviderWarning(
        (strapi.config.get('plugin::email.provider') as string | undefined) ?? null,
      ),
      mailFailingWarning((await getService(strapi, 'mailer').health()).failing),
      mailLinkWarning(
        pluginConfig(strapi).mail.confirmUrl,
        String(strapi.config.get('server.url') ?? ''),
        String(strapi.config.get('server.absoluteUrl') ?? ''),
      ),
    ].filter((w): w is SetupWarning => w !== null);
    return [...single, ...(await localeSetupWarnings())];
  }

  async function warnings(): Promise<SetupWarning[]> {
    return warningsFor(await sealStatus());
  }

  /** One line on sealing, one on locales, and every warning; logged once the server listens. */
  async function logReport(): Promise<void> {
    const { jobs, requiredLocales } = pluginConfig(strapi);
    const s = await sealStatus();
    const latest = s.latestCheckpoint
      ? `latest checkpoint seals up to seq ${s.latestCheckpoint.seqTo} (${s.latestCheckpoint.sealedAt})`
      : 'no checkpoint yet';
    strapi.log.info(
      `[policy-ledger] sealing: ${jobs.enabled ? `on, rule "${jobs.seal}" (every ${s.jobs.periodSeconds} s), lag ${jobs.sealLagSeconds} s` : 'OFF on this instance'}; ` +
        `${s.unsealed} unsealed event(s)${s.oldestUnsealedAgeSeconds !== null ? `, oldest ${s.oldestUnsealedAgeSeconds} s old` : ''}; ${latest}`,
    );
    const required = await configuredRequiredLocales(strapi);
    strapi.log.info(
      `[policy-ledger] locales: editions need ${required.join(', ')}${requiredLocales ? ' (requiredLocales)' : " (the app's i18n default locale; set requiredLocales to change it)"}`,
    );
    for (const w of await warningsFor(s)) strapi.log.warn(`[policy-ledger] ${w.message}`);
  }

  return { warnings, logReport };
};

export default healthService;

declare module './registry' {
  interface PluginServices {
    health: ReturnType<typeof healthService>;
  }
}
