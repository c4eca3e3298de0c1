import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '@strapi/strapi';
import type { PolicyFormat } from '../../../shared/contracts';
import type { Served } from '../catalog/types';
import { ifNoneMatchHits } from '../domain/conditional';
import { plainCurrentQuery } from './plain-query';

export interface RawHooks {
  pattern(): RegExp;
  ready(): boolean;
  template(): Array<[string, string]>;
  served(
    key: string,
    locale: string | null,
    acceptLanguage: string | null,
    format: PolicyFormat,
  ): Served | null;
  count(): void;
}

/**
 * A raw `request` listener on Strapi's HTTP server in front of Koa, for the
 * commonest request of all (see fast-path/index.ts): it answers synchronously
 * when `hooks` can, else hands the request to Strapi's own listeners.
 */
export function installRawListener(strapi: Core.Strapi, hooks: RawHooks) {
  const server = strapi.server.httpServer;
  const inner = server.listeners('request') as Array<
    (req: IncomingMessage, res: ServerResponse) => void
  >;
  server.removeAllListeners('request');

  const tryAnswer = (req: IncomingMessage, res: ServerResponse): boolean => {
    const method = req.method;
    if ((method !== 'GET' && method !== 'HEAD') || !hooks.ready()) return false;
    const h = req.headers;
    if (h.origin !== undefined || h.authorization !== undefined) return false;
    const url = req.url ?? '';
    const q = url.indexOf('?');
    const m = hooks.pattern().exec(q < 0 ? url : url.slice(0, q));
    if (!m) return false;
    const query = plainCurrentQuery(q < 0 ? '' : url.slice(q + 1));
    if (!query) return false;
    const served = hooks.served(
      m[1],
      query.locale,
      (h['accept-language'] as string | undefined) || null,
      query.format,
    );
    if (!served?.bytes) return false;

    const headers: Record<string, string | number> = {};
    for (const [k, v] of hooks.template()) headers[k] = v;
    headers['Cache-Control'] = `public, max-age=${served.maxAge}`;
    headers.ETag = served.etag;
    if (ifNoneMatchHits(h['if-none-match'], served.etag)) {
      res.writeHead(304, headers);
      res.end();
    } else {
      headers['Content-Type'] = 'application/json; charset=utf-8';
      headers['Content-Length'] = served.bytes.length;
      res.writeHead(200, headers);
      if (method === 'HEAD') res.end();
      else res.end(served.bytes);
    }
    hooks.count();
    return true;
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    let answered = false;
    try {
      answered = tryAnswer(req, res);
    } catch (e) {
      strapi.log.error(`[policy-ledger] fast path: ${e instanceof Error ? e.message : String(e)}`);
      if (res.headersSent) {
        res.destroy();
        return;
      }
    }
    if (!answered) for (const listener of inner) listener.call(server, req, res);
  });
}
