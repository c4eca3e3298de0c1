/** Every visible string of the components, in English; pass `labels` to translate. */
export const defaultLabels = {
  loading: 'Loading…',
  loadFailed: 'Could not load. Please try again.',
  version: 'Version {version}',
  editionDate: 'Edition of {date}',
  inForceSince: 'In force since {date}',
  upcoming: 'A new edition (version {version}) takes effect on {date}.',
  required: '(required)',
  accept: 'I have read and accept the {policy} (version {version}, in force since {date}).',
  submit: 'Send',
  sending: 'Sending…',
  fixErrors: 'Please correct the highlighted fields.',
  sent: 'Thank you. Your submission {id} was received on {date}.',
  receiptEvent: '{policy} version {version}: {action}',
  reconsent: 'Our {policy} has changed. Please review and accept version {version}.',
  reconsentReason: {
    'not-accepted': 'You have not accepted it yet.',
    denied: 'You declined it earlier.',
    'reconsent-required': 'This change needs your consent again.',
  } as Record<string, string>,
  review: 'Review the policy',
};

export type Labels = typeof defaultLabels;

/** "Version {version}" + { version: 3 } → "Version 3". */
export const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

/** An instant or a date as the reader's locale writes a date. */
export function dateText(iso: string | null, locale?: string): string {
  if (!iso) return '';
  // A calendar date (an edition date) is the same day everywhere.
  const zone = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? { timeZone: 'UTC' } : {};
  return new Date(iso).toLocaleDateString(locale, { dateStyle: 'long', ...zone });
}
