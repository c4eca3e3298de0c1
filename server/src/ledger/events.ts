import { randomUUID } from 'node:crypto';
import type { EventContent } from '../../../shared/contracts';

type Given = Pick<
  EventContent,
  'occurredAt' | 'subject' | 'action' | 'policy' | 'version' | 'method'
> &
  Partial<Omit<EventContent, 'id'>>;

/** A new ledger event: a fresh id, and null for whatever `given` leaves out. */
export function newEvent(given: Given): EventContent {
  return {
    id: randomUUID(),
    locale: null,
    contentHash: null,
    form: null,
    formRevision: null,
    formHash: null,
    purposes: {},
    submission: null,
    evidenceHash: null,
    ...given,
  };
}
