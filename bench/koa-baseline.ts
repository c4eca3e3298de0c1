/**
 * The ceiling: a bare Koa server that answers every GET (and HEAD) with the
 * bytes of a response captured from the Strapi bench server, with the same
 * Content-Type; anything else gets 405.
 *
 *   node --import tsx bench/koa-baseline.ts --body=FILE --type='application/json; charset=utf-8' [--port=N] [--watch-stdin]
 *
 * Prints `READY <port>` on stdout once it listens.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import Koa from 'koa';

const { values } = parseArgs({
  options: {
    body: { type: 'string' },
    type: { type: 'string', default: 'application/json; charset=utf-8' },
    port: { type: 'string', default: '0' },
    'watch-stdin': { type: 'boolean' },
  },
  strict: true,
});
if (!values.body) {
  console.error(
    'usage: koa-baseline.ts --body=FILE [--type=CONTENT-TYPE] [--port=N] [--watch-stdin]',
  );
  process.exit(2);
}

const body = fs.readFileSync(values.body);
const contentType = values.type ?? 'application/json; charset=utf-8';

const app = new Koa();
app.use((ctx) => {
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
    ctx.status = 405;
    return;
  }
  // Set before the body, or Koa types a Buffer as application/octet-stream.
  ctx.set('Content-Type', contentType);
  ctx.body = body;
});

const server = app.listen(Number(values.port), '127.0.0.1', () => {
  process.stdout.write(`READY ${(server.address() as AddressInfo).port}\n`);
});
const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
if (values['watch-stdin']) {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  process.stdin.resume();
}
