import type { SetupWarning } from '../../../shared/contracts';

/** Where the admin's browser remembers the setup warnings it dismissed. */
export const DISMISSED_KEY = 'policy-ledger.setup-warnings.dismissed';

/** code → the fingerprint of the warning as it was when dismissed. */
export type Dismissed = Record<string, string>;

/** Warnings that are never hidden completely: dismissed, they stay counted in the line. */
const ERROR_CODES: ReadonlySet<SetupWarning['code']> = new Set(['sealing-behind']);

export const isErrorWarning = (w: Pick<SetupWarning, 'code'>): boolean => ERROR_CODES.has(w.code);

/** What a warning says (its code and values): a dismissal holds while this stays the same. */
export const warningFingerprint = (w: Pick<SetupWarning, 'code' | 'values'>): string =>
  JSON.stringify([
    w.code,
    Object.entries(w.values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ]);

export const isDismissed = (w: SetupWarning, dismissed: Dismissed): boolean =>
  dismissed[w.code] === warningFingerprint(w);

/**
 * The warnings to list (not dismissed, or dismissed since they changed) and the number the
 * one-line summary counts: those listed plus the dismissed error-level ones.
 */
export const splitWarnings = (warnings: SetupWarning[], dismissed: Dismissed) => {
  const shown = warnings.filter((w) => !isDismissed(w, dismissed));
  const keptErrors = warnings.filter((w) => isDismissed(w, dismissed) && isErrorWarning(w));
  return {
    shown,
    count: shown.length + keptErrors.length,
    error: warnings.some(isErrorWarning),
  };
};

/** The dismissals stored in this browser (an unreadable entry counts as none). */
export const readDismissed = (storage: Pick<Storage, 'getItem'> | undefined): Dismissed => {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(DISMISSED_KEY) ?? '{}');
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return {};
  }
};

/** Remembers a dismissal; returns the new set. */
export const dismissWarning = (
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined,
  w: SetupWarning,
): Dismissed => {
  const next = { ...readDismissed(storage), [w.code]: warningFingerprint(w) };
  try {
    storage?.setItem(DISMISSED_KEY, JSON.stringify(next));
  } catch {
    // Storage full or disabled: the dismissal lasts until the page reloads.
  }
  return next;
};
