import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { pickCurrent } from '../domain/effective';
import { conflict } from '../http/errors';
import type { PolicySnapshot, ReleasedEdition } from '../catalog/types';
import { getService } from '../utils/get-service';

/** The policy as served, or a 404 naming the key. */
export async function policySnapshot(strapi: Core.Strapi, key: string): Promise<PolicySnapshot> {
  const snap = await getService(strapi, 'catalog').snapshot(key);
  if (!snap) throw new errors.NotFoundError(`No policy with key "${key}"`, { key });
  return snap;
}

/** The edition a person may accept: the current one or the announced one; else 409. */
export function acceptableEdition(
  snap: PolicySnapshot,
  version: number,
  now: Date,
): ReleasedEdition {
  const { current, upcoming } = pickCurrent(snap.editions, now);
  const hit = [current, upcoming].find((e) => e && e.version === version);
  if (!hit) {
    throw conflict(
      `Version ${version} of policy "${snap.key}" is neither the current nor the upcoming edition; fetch the policy again`,
      {
        policy: snap.key,
        version,
        currentVersion: current?.version ?? null,
        upcomingVersion: upcoming?.version ?? null,
      },
    );
  }
  return hit;
}

/**
 * The text the person was shown must be the text recorded: when the frontend
 * sends the `contentHash` it displayed, a different one (another locale, an
 * edition changed since) is a 409 naming both.
 */
export function checkShownText(
  policy: string,
  version: number,
  shown: string | undefined,
  recorded: { servedLocale: string; contentHash: string },
  path: string,
) {
  if (shown === undefined || shown === recorded.contentHash) return;
  throw conflict(
    `${path}: the text shown (hash ${shown}) is not the text of version ${version} of policy "${policy}" in locale "${recorded.servedLocale}" (hash ${recorded.contentHash}); fetch the policy again`,
    { path, policy, version, locale: recorded.servedLocale, shown, expected: recorded.contentHash },
  );
}
