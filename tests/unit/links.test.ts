import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckpointRecord, EventContent, LedgerEvent } from '../../shared/contracts';
import { derivedRows } from '../../server/src/db/append';
import { contentOfRow, rowOfContent } from '../../server/src/db/event-row';
import { linkRow, mergeLinkRows } from '../../server/src/db/links';
import { checkpointHash, eventCanonical, eventHash } from '../../server/src/domain/canonical';
import {
  activeEdges,
  componentOf,
  isLinkAction,
  isLinkedGeneration,
  linkEntryKey,
  linkPair,
  nextGeneration,
  type LinkEntry,
} from '../../server/src/domain/links';
import { merkleRoot } from '../../server/src/domain/merkle';
import {
  foldPeople,
  personKey,
  personOf,
  regroupDeltas,
  type PeopleEvent,
} from '../../server/src/domain/people-counts';
import { foldStanding } from '../../server/src/domain/standing';
import { checkpointContentOf, ledgerVerifier } from '../../server/src/domain/verify';
import { csvHeader, csvLine, iso27560Record } from '../../server/src/reports/formats';
import { canonicalJson } from '../../shared/proof/canonical';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(64);
const D = 'd'.repeat(64);

const LINK: EventContent = {
  id: '1f0e2d3c-4b5a-4968-8776-655443322110',
  occurredAt: '2031-05-01T10:00:00.000Z',
  subject: B,
  linkedSubject: A,
  action: 'linked',
  policy: '',
  version: 0,
  locale: null,
  contentHash: null,
  form: null,
  formRevision: null,
  formHash: null,
  purposes: {},
  method: 'api',
  submission: null,
  evidenceHash: 'e'.repeat(64),
};

describe('linked identities, pure (domain/links.ts)', () => {
  it('orders a pair canonically, whichever side comes first', () => {
    assert.deepEqual(linkPair(B, A), [A, B]);
    assert.deepEqual(linkPair(A, B), [A, B]);
    assert.equal(linkEntryKey(B, A, 3), linkEntryKey(A, B, 3));
    assert.notEqual(linkEntryKey(A, B, 3), linkEntryKey(A, B, 5));
  });

  it('alternates a pair between linked (odd generations) and unlinked (even)', () => {
    assert.equal(isLinkedGeneration(0), false);
    assert.equal(isLinkedGeneration(1), true);
    assert.equal(isLinkedGeneration(2), false);
    assert.equal(nextGeneration(0, 'linked'), 1);
    assert.equal(nextGeneration(1, 'linked'), null, 'linking twice records nothing');
    assert.equal(nextGeneration(1, 'unlinked'), 2);
    assert.equal(nextGeneration(2, 'unlinked'), null, 'unlinking twice records nothing');
    assert.equal(nextGeneration(2, 'linked'), 3);
    assert.equal(nextGeneration(0, 'unlinked'), null);
  });

  it('finds a connected component, itself first, the rest sorted', () => {
    const edges = [
      { subject: A, linked_subject: B },
      { subject: B, linked_subject: C },
    ];
    assert.deepEqual(componentOf(C, edges), [C, A, B]);
    assert.deepEqual(componentOf(A, edges), [A, B, C]);
    assert.deepEqual(componentOf(D, edges), [D], 'a pseudonym linked to nobody is alone');
    // A cycle is walked once.
    assert.deepEqual(componentOf(A, [...edges, { subject: A, linked_subject: C }]), [A, B, C]);
  });

  it("takes each pair's latest entry: links stand until unlinked, and come back when linked again", () => {
    const e = (seq: number, action: LinkEntry['action'], s: string, l: string): LinkEntry => ({
      seq,
      action,
      subject: s,
      linked_subject: l,
    });
    const entries = [e(1, 'linked', A, B), e(5, 'unlinked', B, A), e(2, 'linked', C, B)];
    assert.deepEqual(activeEdges(entries), [{ subject: B, linked_subject: C }]);
    assert.deepEqual(activeEdges([...entries, e(9, 'linked', B, A)]).length, 2);
    assert.deepEqual(componentOf(A, activeEdges(entries)), [A]);
    assert.ok(isLinkAction('linked') && isLinkAction('unlinked') && !isLinkAction('granted'));
  });

  it('keeps one row per pair, the greatest generation, for a batch of writes', () => {
    const rows = mergeLinkRows([
      linkRow({ subject: B, linkedSubject: A }, 1),
      linkRow({ subject: A, linkedSubject: B }, 2),
      linkRow({ subject: C, linkedSubject: A }, 1),
    ]);
    assert.deepEqual(rows, [
      { subject: A, linked_subject: B, generation: 2 },
      { subject: A, linked_subject: C, generation: 1 },
    ]);
    assert.throws(() => linkRow({ subject: A }, 1));
  });
});

describe('a link entry as hashed (shared/proof/canonical.ts)', () => {
  it('hashes linkedSubject in its place (between id and locale), only when set', () => {
    const text = eventCanonical(LINK);
    assert.equal(text, canonicalJson({ v: 1, ...LINK }));
    assert.ok(text.includes(`"id":"${LINK.id}","linkedSubject":"${A}","locale":null`));
    const { linkedSubject: _l, ...without } = LINK;
    assert.equal(eventCanonical(without), canonicalJson({ v: 1, ...without }));
    assert.ok(!eventCanonical(without).includes('linkedSubject'));
    assert.notEqual(eventHash(without), eventHash(LINK));
    assert.notEqual(eventHash({ ...LINK, linkedSubject: C }), eventHash(LINK));
    assert.notEqual(eventHash({ ...LINK, action: 'unlinked' }), eventHash(LINK));
  });

  it('leaves the hash of an event without it as it was (a decision recorded before links existed)', () => {
    // The same decision, hashed before and after linkedSubject existed: a fixed value.
    const decision: EventContent = {
      ...LINK,
      subject: A,
      action: 'granted',
      policy: 'privacy',
      version: 1,
      locale: 'kk',
      purposes: { processing: true },
      method: 'form',
    };
    delete decision.linkedSubject;
    assert.equal(
      eventHash(decision),
      eventHash(JSON.parse(JSON.stringify(decision)) as EventContent),
    );
    assert.equal(eventCanonical(decision), canonicalJson({ v: 1, ...decision }));
    // Stored and read back, a decision has no linkedSubject and the same hash.
    const row = rowOfContent(decision);
    assert.equal(row.linked_subject, null);
    assert.deepEqual(contentOfRow({ ...row, linked_subject: null }), decision);
    assert.equal(row.hash, eventHash(decision));
  });

  it('round-trips through the events table with its hash', () => {
    const row = rowOfContent(LINK);
    assert.equal(row.linked_subject, A);
    assert.deepEqual(contentOfRow(row), LINK);
    assert.equal(row.hash, eventHash(LINK));
  });

  it('verifies in the ledger verifier, and an altered link fails it', () => {
    const hash = eventHash(LINK);
    const cp: CheckpointRecord = {
      id: 1,
      seq_from: 1,
      seq_to: 1,
      event_count: 1,
      root: merkleRoot([hash]),
      prev_hash: null,
      hash: '',
      sealed_at: '2031-05-01T11:00:00.000Z',
      audit_from: null,
      audit_to: null,
      audit_count: null,
      audit_root: null,
    };
    cp.hash = checkpointHash(checkpointContentOf(cp));
    const good = ledgerVerifier([cp]);
    good.event(1, LINK.id, hash, () => LINK);
    assert.equal(good.finish().ok, true);
    const bad = ledgerVerifier([cp]);
    bad.event(1, LINK.id, hash, () => ({ ...LINK, linkedSubject: C }));
    assert.equal(bad.finish().ok, false);
  });
});

describe('what ignores link entries, and what shows them', () => {
  it('moves no counter and no subject state (db/append.ts)', () => {
    const row = {
      subject: B,
      action: 'linked',
      policy_key: '',
      policy_version: 0,
      locale: null,
      form_key: null,
      occurred_at: LINK.occurredAt,
    };
    const { counters, states } = derivedRows([row, { ...row, action: 'unlinked' }], 0);
    assert.deepEqual(counters, []);
    assert.deepEqual(states, []);
  });

  it("changes nobody's standing (domain/standing.ts)", () => {
    const granted = { action: 'granted' as const, version: 1, locale: 'kk', purposes: { x: true } };
    const link = { action: 'linked' as const, version: 0, locale: null, purposes: {} };
    assert.deepEqual(foldStanding([granted, link]), foldStanding([granted]));
  });

  it('renders in the CSV and the ISO 27560 export', () => {
    const e: LedgerEvent = { seq: 7, ...LINK, hash: eventHash(LINK) };
    const header = csvHeader([]).split(',');
    const line = csvLine(e, []).split(',');
    assert.equal(line[header.indexOf('action')], 'linked');
    assert.equal(line[header.indexOf('linkedSubject')], A);
    const iso = iso27560Record(e) as Record<string, unknown>;
    assert.deepEqual(iso.event, {
      type: 'pii-principal-linked',
      timestamp: LINK.occurredAt,
      method: 'api',
    });
    assert.equal(iso.linked_pii_principal_id, A);
    assert.equal(iso.notice, null);
    assert.deepEqual(iso.purposes, []);
    // A decision has no linked principal.
    const decision = iso27560Record({ ...e, action: 'granted', linkedSubject: undefined });
    assert.ok(!('linked_pii_principal_id' in decision));
  });
});

describe('people counts of linked identities (domain/people-counts.ts)', () => {
  const ev = (subject: string, over: Partial<PeopleEvent> = {}): PeopleEvent => ({
    subject,
    policy: 'privacy',
    action: 'granted',
    version: 1,
    locale: 'kk',
    purposes: { processing: true },
    ...over,
  });

  it('keys a person by the smallest of their pseudonyms', () => {
    assert.equal(personOf([C, A, B]), A);
    assert.equal(personOf([D]), D);
  });

  it('counts two people as one when linked, and as two again when unlinked', () => {
    const two = foldPeople(new Map(), [ev(A), ev(B, { version: 2 })]);
    assert.equal(two.deltas.get('privacy|person|'), 2);
    const a = two.standings.get(personKey(A, 'privacy'));
    const b = two.standings.get(personKey(B, 'privacy'));
    assert.ok(a && b);
    const merged = foldStanding([ev(A), ev(B, { version: 2 })]);
    const link = regroupDeltas(
      [
        { policy: 'privacy', standing: a },
        { policy: 'privacy', standing: b },
      ],
      [{ policy: 'privacy', standing: merged }],
    );
    assert.deepEqual(Object.fromEntries(link), {
      'privacy|person|': -1,
      'privacy|edition|1': -1,
      'privacy|purpose|processing': -1,
    });
    const unlink = regroupDeltas(
      [{ policy: 'privacy', standing: merged }],
      [
        { policy: 'privacy', standing: a },
        { policy: 'privacy', standing: b },
      ],
    );
    assert.deepEqual(
      Object.fromEntries(unlink),
      Object.fromEntries([...link].map(([k, n]) => [k, -n])),
    );
  });
});
