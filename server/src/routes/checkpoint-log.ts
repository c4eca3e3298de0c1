import { envelope } from '../openapi/bodies';
import { checkpointHead, checkpointPage, consistencyProof } from '../openapi/responses';
import { checkpointPageQuery, consistencyQuery } from '../validation/content-api';
import type { Route } from './types';

/**
 * The public checkpoint log (part of the content API, routes/content-api.ts):
 * every checkpoint with its hash and time-stamp tokens, the head, and the
 * chain between a kept checkpoint and the head. Nothing personal in it:
 * ranges, Merkle roots, hashes, times and tokens; no permission to grant.
 */
export const checkpointLogRoutes = [
  {
    method: 'GET',
    path: '/checkpoints',
    handler: 'checkpoints.page',
    config: { auth: false },
    request: { query: checkpointPageQuery.shape },
    response: envelope(checkpointPage),
    doc: {
      summary:
        'The checkpoint log, oldest first: each checkpoint with its hash and time-stamp tokens',
      description:
        'Page with `after` (the `next` of the previous page) and `limit` (1–1000, default 100). Anyone may keep the head and later ask `/checkpoints/consistency` whether the ledger still extends it; `npx -p strapi-plugin-policy-ledger policy-ledger-witness` does both.',
      tag: 'Checkpoints',
      status: 200,
      cacheable: true,
      headers: ['If-None-Match'],
      errors: [400],
    },
  },
  {
    method: 'GET',
    path: '/checkpoints/head',
    handler: 'checkpoints.head',
    config: { auth: false },
    request: { query: {} },
    response: envelope(checkpointHead),
    doc: {
      summary: 'The newest checkpoint (null before the first seal)',
      tag: 'Checkpoints',
      status: 200,
      cacheable: true,
      headers: ['If-None-Match'],
      errors: [],
    },
  },
  {
    method: 'GET',
    path: '/checkpoints/consistency',
    handler: 'checkpoints.consistency',
    config: { auth: false },
    request: { query: consistencyQuery.shape },
    response: envelope(consistencyProof),
    doc: {
      summary:
        'The chain from a checkpoint you kept to the head (or to `to`), each link with its tokens',
      description:
        'Check it offline: every checkpoint must match its hash, link to the one before by `prevHash`, and carry tokens that stamp that hash. 404 when the log holds no checkpoint with the `from` hash: if it was kept from this ledger, its history was rewritten.',
      tag: 'Checkpoints',
      status: 200,
      cacheable: true,
      headers: ['If-None-Match'],
      errors: [400, 404],
    },
  },
] as const satisfies readonly Route[];
