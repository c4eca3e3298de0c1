/**
 * A real RFC 3161 time-stamping authority for the tests: OpenSSL's `ts`
 * command with a throwaway CA, behind a tiny HTTP endpoint. Also a TSA that
 * is down and one that answers garbage. No mock: the plugin talks HTTP to
 * OpenSSL and checks what OpenSSL signed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface LocalTsa {
  url: string;
  /** PEM of the CA that issued the TSA certificate: the trust anchor to configure. */
  caPem: string;
  requests: number;
  close(): Promise<void>;
}

const openssl = (args: string[], cwd: string) =>
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });

/** A CA and a TSA certificate (extendedKeyUsage critical timeStamping) in a new directory. */
export function makeTsaPki(name = 'Policy Ledger Test'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsa-'));
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      '3650',
      '-subj',
      `/CN=${name} CA`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  openssl(
    [
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'tsa.key',
      '-out',
      'tsa.csr',
      '-subj',
      `/CN=${name} TSA`,
    ],
    dir,
  );
  fs.writeFileSync(
    path.join(dir, 'ext.cnf'),
    'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n',
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'tsa.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'tsa.crt',
      '-days',
      '3650',
      '-extfile',
      'ext.cnf',
    ],
    dir,
  );
  fs.writeFileSync(path.join(dir, 'serial'), '01\n');
  fs.writeFileSync(
    path.join(dir, 'tsa.cnf'),
    [
      '[ tsa ]',
      'default_tsa = tsa_config',
      '[ tsa_config ]',
      `dir = ${dir}`,
      'serial = $dir/serial',
      'crypto_device = builtin',
      'signer_cert = $dir/tsa.crt',
      'certs = $dir/ca.crt',
      'signer_key = $dir/tsa.key',
      'signer_digest = sha256',
      'default_policy = 1.2.3.4.1',
      'digests = sha256, sha384, sha512',
      'accuracy = secs:1',
      'ordering = yes',
      'tsa_name = yes',
      'ess_cert_id_chain = no',
      'ess_cert_id_alg = sha256',
      '',
    ].join('\n'),
  );
  return dir;
}

function listen(handler: http.RequestListener): Promise<http.Server> {
  const server = http.createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const urlOf = (s: http.Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}/tsa`;
const closeOf = (s: http.Server) => () => new Promise<void>((r) => s.close(() => r()));

/** OpenSSL answering RFC 3161 requests over HTTP. */
export async function startLocalTsa(dir = makeTsaPki()): Promise<LocalTsa> {
  let n = 0;
  const state = { requests: 0 };
  const server = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.requests++;
      const q = path.join(dir, `q${++n}.tsq`);
      const r = path.join(dir, `r${n}.tsr`);
      fs.writeFileSync(q, Buffer.concat(chunks));
      try {
        openssl(
          ['ts', '-reply', '-config', path.join(dir, 'tsa.cnf'), '-queryfile', q, '-out', r],
          dir,
        );
        res.writeHead(200, { 'content-type': 'application/timestamp-reply' });
        res.end(fs.readFileSync(r));
      } catch (e) {
        res.writeHead(500);
        res.end(String(e));
      }
    });
  });
  return {
    url: urlOf(server),
    caPem: fs.readFileSync(path.join(dir, 'ca.crt'), 'utf8'),
    get requests() {
      return state.requests;
    },
    close: closeOf(server),
  };
}

/** A TSA that answers 200 with bytes that are no TimeStampResp. */
export async function startGarbageTsa(): Promise<{ url: string; close(): Promise<void> }> {
  const server = await listen((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/timestamp-reply' });
      res.end(Buffer.from('this is not DER'));
    });
  });
  return { url: urlOf(server), close: closeOf(server) };
}

/** An address where nothing listens (a TSA that is down). */
export async function downTsaUrl(): Promise<string> {
  const server = await listen(() => undefined);
  const url = urlOf(server);
  await closeOf(server)();
  return url;
}
