/**
 * The Policy Ledger page's addresses (admin/src/pages/tabRoutes.ts), resolved and matched by
 * react-router as the admin panel does: a tab's link from the route of the tab shown, and the
 * person or request read back from the address.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { matchRoutes, resolvePath, type RouteObject } from 'react-router-dom';

import { TABS, isTabId, tabItem, tabPath } from '../../admin/src/pages/tabRoutes';

const PAGE = '/plugins/policy-ledger';
/** The page's routes as App.tsx nests them in the plugin's route. */
const routes: RouteObject[] = [
  { path: `${PAGE}/*`, children: [{ index: true }, { path: ':tab/*' }] },
];

/** Where a link goes from the route `:tab/*` (its base is the page and the tab shown). */
const follow = (link: string, shownTab = 'people') => resolvePath(link, `${PAGE}/${shownTab}`);

/** The tab and item the page reads from an address (encoded, as in the browser). */
const read = (pathname: string) => {
  const matches = matchRoutes(routes, pathname) ?? [];
  const params = matches[matches.length - 1]?.params ?? {};
  if (!isTabId(params.tab)) return { tab: params.tab ?? null, item: null };
  return { tab: params.tab, item: tabItem(params.tab, params['*']) };
};

describe('admin: the page addresses', () => {
  it('links every tab, from whichever tab is shown', () => {
    for (const tab of TABS) {
      assert.equal(follow(tabPath(tab)).pathname, `${PAGE}/${tab}`);
      assert.equal(follow(tabPath(tab), 'requests').pathname, `${PAGE}/${tab}`);
      assert.deepEqual(read(`${PAGE}/${tab}`), { tab, item: null });
    }
  });

  it('goes round: a person or a request linked is read back as it was', () => {
    for (const identifier of [
      'b1@example.com',
      'B1@Example.com',
      '+77010000009',
      'first last',
      'a/b?c#d',
      '50% off & more',
      'Әлия@пример.kz',
    ]) {
      const { pathname } = follow(tabPath('people', identifier));
      assert.ok(!pathname.slice(PAGE.length + 1).includes('/', 'people/'.length), pathname);
      assert.deepEqual(read(pathname), { tab: 'people', item: identifier }, identifier);
    }
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    assert.equal(follow(tabPath('requests', id)).pathname, `${PAGE}/requests/${id}`);
    assert.deepEqual(read(`${PAGE}/requests/${id}`), { tab: 'requests', item: id });
  });

  it('encodes an identifier in the address', () => {
    assert.equal(
      follow(tabPath('people', 'b1@example.com')).pathname,
      `${PAGE}/people/b1%40example.com`,
    );
  });

  it('links the tab alone without an item', () => {
    assert.equal(tabPath('people', null), '../people');
    assert.equal(tabPath('people', ''), '../people');
    assert.deepEqual(read(`${PAGE}/people/`), { tab: 'people', item: null });
  });

  it('reads an item only for People and Requests', () => {
    assert.deepEqual(read(`${PAGE}/ledger/something`), { tab: 'ledger', item: null });
    assert.deepEqual(read(`${PAGE}/policies/x`), { tab: 'policies', item: null });
  });

  it('knows the tabs, and nothing else', () => {
    assert.deepEqual(read(`${PAGE}/nope`), { tab: 'nope', item: null });
    for (const value of [undefined, '', 'People', 'people/x', 'toString'])
      assert.equal(isTabId(value), false, String(value));
    assert.deepEqual(read(PAGE), { tab: null, item: null });
  });
});
