import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { GpcSignal } from '../../../shared/contracts';
import { gpcRefused, gpcSignal } from '../domain/gpc';
import { purposesConfig } from '../utils/plugin';
import type { RequestMeta } from './evidence';

/**
 * What a decision records of Global Privacy Control (domain/gpc.ts), after
 * refusing — 400 naming `gpcAcknowledged`, nothing written — a grant of a
 * purpose GPC applies to from a request that sent `Sec-GPC: 1` without the
 * person's explicit acknowledgement.
 */
export function gpcOf(
  strapi: Core.Strapi,
  meta: RequestMeta,
  granted: Readonly<Record<string, boolean>>,
  acknowledged: boolean | undefined,
): { gpc?: GpcSignal } {
  const sent = meta.gpc === true;
  const config = purposesConfig(strapi);
  const refused = gpcRefused(granted, (p) => config[p]?.gpc === true, sent, acknowledged === true);
  if (refused.length) {
    const message =
      `gpcAcknowledged must be true to grant ${refused.map((p) => `"${p}"`).join(', ')}: ` +
      'the browser sent Global Privacy Control (Sec-GPC: 1), which applies to ' +
      (refused.length > 1 ? 'these purposes' : 'this purpose');
    throw new errors.ValidationError(message, {
      errors: [{ path: ['gpcAcknowledged'], message }],
      purposes: refused,
    });
  }
  const gpc = gpcSignal(sent, acknowledged === true);
  return gpc ? { gpc } : {};
}
