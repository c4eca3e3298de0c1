import type { Core } from '@strapi/strapi';
import type { EditionStatus } from '../../../shared/contracts';
import { errors } from '@strapi/utils';
import { EDITION_UID, POLICY_UID } from '../constants';
import {
  computeEffectiveAt,
  editionState,
  latestEffectiveAt,
  pickCurrent,
  releaseOutlook,
  utcDate,
} from '../domain/effective';
import { contentHash } from '../domain/hash';
import { conflict } from '../http/errors';
import { clock, columnOf, pluginConfig, tableOf } from '../utils/plugin';
import { groupEditions } from '../db/edition-rows';
import { requiredLocalesOf } from '../utils/locales';
import { getService } from '../utils/get-service';
import { editionCancelled, editionReleased } from '../webhooks/events';
import type { EditionRow, PolicyRow } from '../db/edition-rows';

const iso = (v: string | Date | null | undefined) => (v ? new Date(v).toISOString() : null);

export interface ReleaseOptions {
  /** A later effective instant than release + delay; never an earlier one. */
  effectiveAt?: Date | null;
}

const editionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const audit = () => getService(strapi, 'audit');
  const rowsOf = (documentId: string) =>
    strapi.db.query(EDITION_UID).findMany({
      where: { documentId },
      populate: { policy: true },
      orderBy: { locale: 'asc' },
    }) as Promise<EditionRow[]>;

  /** The policy an edition belongs to: every locale row that names one must agree. */
  function policyOf(rows: EditionRow[]): PolicyRow {
    const ids = new Map<number, PolicyRow>();
    for (const r of rows) if (r.policy) ids.set(r.policy.id, r.policy);
    if (ids.size === 0) {
      throw new errors.ValidationError(
        'The edition is not linked to a policy: choose its policy in the "policy" field, then release it',
        {
          field: 'policy',
        },
      );
    }
    if (ids.size > 1) {
      throw new errors.ValidationError(
        'The locales of this edition are linked to different policies: link every locale to the same policy',
        {
          field: 'policy',
          policies: [...ids.values()].map((p) => p.key),
        },
      );
    }
    return [...ids.values()][0];
  }

  async function releasedEditionsOf(policyId: number) {
    const rows = (await strapi.db.query(EDITION_UID).findMany({
      where: { policy: { id: policyId }, releasedAt: { $notNull: true } },
    })) as EditionRow[];
    return groupEditions(strapi, rows);
  }

  async function status(documentId: string): Promise<EditionStatus> {
    const rows = await rowsOf(documentId);
    if (rows.length === 0)
      throw new errors.NotFoundError(`No edition with documentId "${documentId}"`, { documentId });
    const first = rows[0];
    const policy = rows.find((r) => r.policy)?.policy ?? null;
    const now = clock(strapi).now();
    const required = await requiredLocalesOf(strapi, policy);
    const released = policy ? await releasedEditionsOf(policy.id) : [];
    const currentVersion = pickCurrent(released, now).current?.version ?? null;
    const times = {
      version: first.version,
      releasedAt: first.releasedAt ? new Date(first.releasedAt) : null,
      effectiveAt: first.effectiveAt ? new Date(first.effectiveAt) : null,
      cancelledAt: first.cancelledAt ? new Date(first.cancelledAt) : null,
    };
    const state = editionState(times, now, currentVersion);
    const hasText = (r: EditionRow) => !!(r.title && r.title.trim() && r.body && r.body.trim());
    const missingLocales = required.filter((l) => !rows.some((r) => r.locale === l && hasText(r)));
    // A draft's texts as a release would hash them (compared with the edition in force).
    const draftTexts: Record<string, string> =
      state === 'draft'
        ? Object.fromEntries(
            rows.filter(hasText).map((r) => [r.locale, contentHash(r.body as string)]),
          )
        : {};
    return {
      documentId,
      policy: policy ? { key: policy.key, name: policy.name, documentId: policy.documentId } : null,
      state,
      version: first.version,
      editionDate: first.editionDate,
      releasedAt: iso(first.releasedAt),
      effectiveAt: iso(first.effectiveAt),
      cancelledAt: iso(first.cancelledAt),
      changeKind: first.changeKind,
      currentVersion,
      requiredLocales: required,
      missingLocales,
      locales: rows.map((r) => ({
        locale: r.locale,
        complete: hasText(r),
        contentHash: r.contentHash,
        releasedAt: iso(r.localeReleasedAt),
      })),
      now: now.toISOString(),
      canRelease: state === 'draft' && !!policy && missingLocales.length === 0,
      canCancel: state === 'scheduled',
      ...(state === 'draft' && policy
        ? releaseOutlook(
            released,
            now,
            policy.effectDelayDays ?? pluginConfig(strapi).effectDelayDays,
            draftTexts,
          )
        : { releaseEffectiveAt: null, scheduledOver: null, identicalTo: null }),
    };
  }

  return {
    status,

    /**
     * Releases a draft edition: stamps version, releasedAt, effectiveAt,
     * editionDate and per-locale hashes in one transaction. The version comes
     * from a counter on the policy row, incremented first: the row lock
     * serializes concurrent releases of one policy on PostgreSQL and MySQL
     * (SQLite serializes writers anyway), so versions are distinct and never reused.
     */
    async release(documentId: string, options: ReleaseOptions = {}) {
      const before = await rowsOf(documentId);
      if (before.length === 0)
        throw new errors.NotFoundError(`No edition with documentId "${documentId}"`, {
          documentId,
        });
      const policy = policyOf(before);

      await strapi.db.transaction(async ({ trx }) => {
        const policyTable = tableOf(strapi, POLICY_UID);
        const counter = columnOf(strapi, POLICY_UID, 'versionCounter');
        await strapi.db
          .connection(policyTable)
          .transacting(trx)
          .where({ id: policy.id })
          .increment(counter, 1);
        const locked = await strapi.db
          .connection(policyTable)
          .transacting(trx)
          .where({ id: policy.id })
          .first(counter);
        const version = Number(locked[counter]);

        // Re-read under the lock: another release may have committed meanwhile.
        const rows = await rowsOf(documentId);
        if (rows.some((r) => r.releasedAt)) {
          throw conflict(`Edition v${rows[0].version} is already released`, {
            documentId,
            version: rows[0].version,
          });
        }
        const freshPolicy = (await strapi.db
          .query(POLICY_UID)
          .findOne({ where: { id: policy.id } })) as PolicyRow;
        const required = await requiredLocalesOf(strapi, freshPolicy);
        const missing = required.filter(
          (l) => !rows.some((r) => r.locale === l && r.title?.trim() && r.body?.trim()),
        );
        if (missing.length) {
          throw new errors.ValidationError(
            `Cannot release: the edition has no title or body in ${missing.join(', ')}. Policy "${freshPolicy.key}" requires ${required.join(', ')}`,
            { missingLocales: missing, requiredLocales: required },
          );
        }

        const now = clock(strapi).now();
        const previousEffectiveAt = latestEffectiveAt(await releasedEditionsOf(policy.id));
        const delayDays = freshPolicy.effectDelayDays ?? pluginConfig(strapi).effectDelayDays;
        const effective = computeEffectiveAt({
          releasedAt: now,
          delayDays,
          requested: options.effectiveAt ?? null,
          previousEffectiveAt,
        });
        if (!effective.ok) {
          const message =
            effective.reason === 'before-minimum'
              ? `effectiveAt must not be earlier than ${effective.minimum.toISOString()} (release + ${delayDays} days)`
              : `effectiveAt must not be earlier than ${effective.minimum.toISOString()}, when the previous edition takes effect; cancel that edition or pick a later instant`;
          throw new errors.ValidationError(message, {
            field: 'effectiveAt',
            minimum: effective.minimum.toISOString(),
          });
        }

        const editionDate = rows[0].editionDate ?? utcDate(now);
        for (const row of rows) {
          const complete = !!(row.title?.trim() && row.body?.trim());
          await strapi.db.query(EDITION_UID).update({
            where: { id: row.id },
            data: {
              version,
              releasedAt: now,
              effectiveAt: effective.effectiveAt,
              editionDate,
              contentHash: complete ? contentHash(row.body as string) : null,
              localeReleasedAt: complete ? now : null,
              policy: policy.id,
            },
          });
        }
        await audit().record(
          'edition.released',
          `${freshPolicy.key} v${version}`,
          { documentId, effectiveAt: iso(effective.effectiveAt), editionDate },
          { trx },
        );
      });

      getService(strapi, 'catalog').invalidate(policy.key);
      const released = await status(documentId);
      editionReleased(strapi, released);
      if (
        released.policy &&
        (released.changeKind === 'material' || released.changeKind === 'reconsent')
      ) {
        await getService(strapi, 'notices').schedule(
          released.policy.key,
          released.version as number,
        );
      }
      return released;
    },

    /** Cancels a scheduled edition; refused once it has taken effect. */
    async cancel(documentId: string) {
      const before = await rowsOf(documentId);
      if (before.length === 0)
        throw new errors.NotFoundError(`No edition with documentId "${documentId}"`, {
          documentId,
        });
      let policyKey: string | null = null;
      await strapi.db.transaction(async ({ trx }) => {
        const rows = await rowsOf(documentId);
        const first = rows[0];
        policyKey = rows.find((r) => r.policy)?.policy?.key ?? null;
        if (!first.releasedAt || !first.effectiveAt) {
          throw new errors.ValidationError(
            'Only a released edition can be cancelled; a draft can simply be deleted',
            { documentId },
          );
        }
        if (first.cancelledAt)
          throw conflict(
            `Edition v${first.version} was already cancelled at ${iso(first.cancelledAt)}`,
            { documentId },
          );
        const now = clock(strapi).now();
        if (new Date(first.effectiveAt).getTime() <= now.getTime()) {
          throw conflict(
            `Edition v${first.version} took effect at ${iso(first.effectiveAt)} and can no longer be cancelled; release a new edition to replace it`,
            { documentId, version: first.version, effectiveAt: iso(first.effectiveAt) },
          );
        }
        await strapi.db
          .query(EDITION_UID)
          .updateMany({ where: { documentId }, data: { cancelledAt: now } });
        await audit().record(
          'edition.cancelled',
          `${policyKey ?? '?'} v${first.version}`,
          { documentId, effectiveAt: iso(first.effectiveAt) },
          { trx },
        );
      });
      if (policyKey) getService(strapi, 'catalog').invalidate(policyKey);
      const cancelled = await status(documentId);
      editionCancelled(strapi, cancelled);
      return cancelled;
    },
  };
};

export default editionsService;

declare module './registry' {
  interface PluginServices {
    editions: ReturnType<typeof editionsService>;
  }
}
