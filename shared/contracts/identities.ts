import type { LinkAction } from './common';

/** Body of POST /identities/link and /identities/unlink (the operator's server only). */
export interface LinkBody {
  /** One identifier of the person: `email:…`, `phone:…`, `id:<user id>`, or a bare e-mail or phone. */
  subject: string;
  /** Another identifier of the same person. */
  linkedSubject: string;
}

/** Answer of POST /identities/link and /identities/unlink. */
export interface LinkResult {
  action: LinkAction;
  /** Whether the two identifiers are linked to each other now. */
  linked: boolean;
  /** The entry this request recorded; null when the pair already stood so (nothing recorded). */
  recorded: { id: string; occurredAt: string } | null;
  /** How many identifiers the person of `subject` now has (1: no other). */
  identities: number;
}
