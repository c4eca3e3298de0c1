import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** PKI.js on Node's Web Crypto (once per process). */
let ready = false;
export function pki(): typeof pkijs {
  if (!ready) {
    pkijs.setEngine(
      'node',
      new pkijs.CryptoEngine({
        name: 'node',
        crypto: webcrypto as unknown as ConstructorParameters<
          typeof pkijs.CryptoEngine
        >[0]['crypto'],
      }),
    );
    ready = true;
  }
  return pkijs;
}

export const SHA256_OID = '2.16.840.1.101.3.4.2.1';

export const fromBer = (bytes: ArrayBuffer | Uint8Array) => {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const parsed = asn1js.fromBER(view);
  if (parsed.offset === -1) throw new Error('not BER/DER');
  return parsed.result;
};

/** Certificates from PEM text (one or more BEGIN CERTIFICATE blocks). */
export function certificatesOf(pem: string): pkijs.Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((b) => {
    const der = Buffer.from(b.replace(/-----[^-]+-----|\s+/g, ''), 'base64');
    return new (pki().Certificate)({ schema: fromBer(der) });
  });
}

export const hex = (view: ArrayBuffer | Uint8Array) =>
  Buffer.from(view as Uint8Array).toString('hex');
