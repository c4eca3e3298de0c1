/**
 * The Policy Ledger page's addresses, under the plugin's route (Strapi mounts the page at
 * /admin/plugins/policy-ledger/*):
 * - `` (the page itself): the first tab the admin may see;
 * - `<tab>`: one tab;
 * - `people/<identifier>`: a person looked up (the identifier URL-encoded);
 * - `requests/<id>`: one request of the register, its panel open.
 */
export const TABS = [
  'policies',
  'acceptance',
  'ledger',
  'people',
  'requests',
  'verify',
  'audit',
  'diff',
] as const;
export type TabId = (typeof TABS)[number];

export const TAB_LABEL: Record<TabId, string> = {
  policies: 'Policies',
  acceptance: 'Acceptance',
  ledger: 'Ledger',
  people: 'People',
  requests: 'Requests',
  verify: 'Verify',
  audit: 'Audit trail',
  diff: 'Diff',
};

/** The tabs with an address below their own: a person, a request. */
const WITH_ITEM: ReadonlySet<TabId> = new Set<TabId>(['people', 'requests']);

export const isTabId = (value: string | undefined): value is TabId =>
  (TABS as readonly string[]).includes(value ?? '');

/**
 * What a tab's address names below the tab (a person's identifier, a request's id), as the
 * router's params give it (decoded); null for none, or for a tab without such addresses.
 */
export const tabItem = (tab: TabId, rest: string | undefined): string | null =>
  WITH_ITEM.has(tab) && rest ? rest : null;

/**
 * The address of a tab, or of one item in it, relative to the route of the tab shown
 * (`<tab>/*`): `..` leaves that route, whatever its remaining path.
 */
export const tabPath = (tab: TabId, item?: string | null): string =>
  item ? `../${tab}/${encodeURIComponent(item)}` : `../${tab}`;
