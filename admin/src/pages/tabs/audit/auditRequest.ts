import type { AuditEntry } from '../../../../../shared/contracts';

/**
 * The request an audit entry is about: its target for the request's own entries
 * (received, status changed), or the `request` in the details of what was done from one
 * (an export or erasure run from its panel). Null for none.
 */
export const requestOfEntry = (entry: Pick<AuditEntry, 'action' | 'target' | 'details'>) => {
  if (entry.action.startsWith('request.') && entry.target) return entry.target;
  const request = entry.details.request;
  return typeof request === 'string' && request ? request : null;
};

/** A request's short reference, the first block of its id: "Request #1a2b3c4d". */
export const shortRequestId = (id: string): string => id.split('-')[0].slice(0, 8);
