import type { GpcSignal } from '../../../shared/contracts';

/**
 * Global Privacy Control (`Sec-GPC: 1`): a browser's standing request not to
 * sell or share the person's data. Every decision keeps it as evidence; a
 * purpose the operator declares GPC applies to (`purposes.<key>.gpc`) may be
 * granted against it only with the person's explicit acknowledgement.
 */

/** What a decision records of the signal: nothing when not sent. */
export function gpcSignal(sent: boolean, acknowledged: boolean): GpcSignal | undefined {
  if (!sent) return undefined;
  return acknowledged ? 'acknowledged' : 'on';
}

/**
 * The purposes a decision may not grant: those it grants (true) that GPC
 * applies to, when the request sent the signal and the body did not
 * acknowledge it. Sorted; empty when nothing stands in the way.
 */
export function gpcRefused(
  granted: Readonly<Record<string, boolean>>,
  appliesTo: (purpose: string) => boolean,
  sent: boolean,
  acknowledged: boolean,
): string[] {
  if (!sent || acknowledged) return [];
  return Object.keys(granted)
    .filter((k) => granted[k] === true && appliesTo(k))
    .sort();
}
