import type { RequestAction, RequestStatus } from '../../../shared/contracts';

/** Where a request may go from each status; done and refused are final. */
export const NEXT_STATUS: Record<RequestStatus, readonly RequestStatus[]> = {
  received: ['verifying', 'refused'],
  verifying: ['in-progress', 'refused'],
  'in-progress': ['done', 'refused'],
  done: [],
  refused: [],
};

export const isClosed = (s: RequestStatus) => s === 'done' || s === 'refused';

/** Why a move is not allowed, or null. */
export function transitionProblem(
  from: RequestStatus,
  to: RequestStatus,
  given: { reason?: string; identityMethod?: string },
): { field: string; message: string } | null {
  if (!NEXT_STATUS[from].includes(to)) {
    const next = NEXT_STATUS[from];
    return {
      field: 'status',
      message: next.length
        ? `status cannot go from "${from}" to "${to}"; it can go to ${next.join(' or ')}`
        : `status cannot change: the request is ${from}`,
    };
  }
  if (to === 'refused' && !given.reason?.trim()) {
    return { field: 'reason', message: 'reason is required to refuse a request' };
  }
  if (from === 'verifying' && to === 'in-progress' && !given.identityMethod?.trim()) {
    return {
      field: 'identityMethod',
      message: 'identityMethod is required: say how the person’s identity was checked',
    };
  }
  return null;
}

/** The actions that answer each type of request. */
export const ACTIONS_FOR: Record<string, readonly RequestAction[]> = {
  access: ['export'],
  correction: ['export'],
  erasure: ['export', 'erase'],
  withdrawal: ['withdraw'],
  objection: ['withdraw'],
};
