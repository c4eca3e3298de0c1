import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { pickCurrent } from '../domain/effective';
import { conflict } from '../http/errors';
import type { PolicySnapshot } from '../services/catalog';
import type { ReleasedEdition } from '../services/types';
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
