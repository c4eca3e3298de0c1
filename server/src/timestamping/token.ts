import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import type * as pkijsTypes from 'pkijs';
import { certificatesOf, fromBer, hex, pki, SHA256_OID } from './pki';

/** An RFC 3161 TimeStampReq for a SHA-256 digest (hex), with a random nonce; DER. */
export function timeStampRequest(digestHex: string): { der: Uint8Array; nonce: string } {
  const p = pki();
  const nonce = randomBytes(8);
  nonce[0] = (nonce[0] & 0x7f) | 0x01; // a positive INTEGER in minimal DER (no leading 00)
  const req = new p.TimeStampReq({
    version: 1,
    messageImprint: new p.MessageImprint({
      hashAlgorithm: new p.AlgorithmIdentifier({ algorithmId: SHA256_OID }),
      hashedMessage: new asn1js.OctetString({ valueHex: Buffer.from(digestHex, 'hex') }),
    }),
    nonce: new asn1js.Integer({ valueHex: nonce }),
    certReq: true,
  });
  return { der: new Uint8Array(req.toSchema().toBER(false)), nonce: nonce.toString('hex') };
}

/** The token (a CMS ContentInfo, DER) of a TimeStampResp, if the TSA granted it; else why not. */
export function tokenOfResponse(der: Uint8Array): { token: Uint8Array } | { error: string } {
  const p = pki();
  let resp: pkijsTypes.TimeStampResp;
  try {
    resp = new p.TimeStampResp({ schema: fromBer(der) });
  } catch (e) {
    return { error: `not a TimeStampResp (${(e as Error).message})` };
  }
  const status = resp.status.status;
  if (status !== 0 && status !== 1) {
    const text = (resp.status.statusStrings ?? []).map((t) => t.valueBlock.value).join('; ');
    const fail = resp.status.failInfo
      ? ` failInfo ${hex(resp.status.failInfo.valueBlock.valueHexView)}`
      : '';
    return { error: `the TSA refused (PKIStatus ${status}${text ? `: ${text}` : ''}${fail})` };
  }
  if (!resp.timeStampToken) return { error: 'granted, but no token' };
  return { token: new Uint8Array(resp.timeStampToken.toSchema().toBER(false)) };
}

export interface TokenCheck {
  ok: boolean;
  detail: string;
  genTime: string | null;
  serial: string | null;
}

const octets = (o: asn1js.OctetString): Uint8Array =>
  o.idBlock.isConstructed
    ? Buffer.concat(
        (o.valueBlock.value as asn1js.OctetString[]).map((v) =>
          Buffer.from(v.valueBlock.valueHexView),
        ),
      )
    : new Uint8Array(o.valueBlock.valueHexView);

/**
 * Checks an RFC 3161 token on `stamped` (the bytes whose SHA-256 was sent:
 * a checkpoint's canonical JSON, so the imprint is the checkpoint hash): a
 * CMS signature by a certificate that chains to one of `trustPem`'s
 * certificates (`trustPem` null: the signature only), the message imprint,
 * and the nonce when given. Never throws.
 */
export async function checkToken(
  token: Uint8Array,
  stamped: Uint8Array,
  trustPem: string | null,
  nonceHex?: string,
): Promise<TokenCheck> {
  const digestHex = createHash('sha256').update(stamped).digest('hex');
  const p = pki();
  const fail = (detail: string, info: Partial<TokenCheck> = {}): TokenCheck => ({
    ok: false,
    detail,
    genTime: null,
    serial: null,
    ...info,
  });
  try {
    const info = new p.ContentInfo({ schema: fromBer(token) });
    const signed = new p.SignedData({ schema: info.content });
    const eContent = signed.encapContentInfo.eContent;
    if (!eContent) return fail('the token holds no TSTInfo');
    const content = octets(eContent);
    const tst = new p.TSTInfo({ schema: fromBer(content) });
    const genTime = tst.genTime.toISOString();
    const serial = hex(tst.serialNumber.valueBlock.valueHexView);
    const at = { genTime, serial };
    if (tst.messageImprint.hashAlgorithm.algorithmId !== SHA256_OID)
      return fail('the token stamps another hash algorithm than SHA-256', at);
    const imprint = hex(tst.messageImprint.hashedMessage.valueBlock.valueHexView);
    if (imprint !== digestHex)
      return fail(`the token stamps ${imprint}, not the checkpoint hash ${digestHex}`, at);
    if (
      nonceHex !== undefined &&
      (!tst.nonce || hex(tst.nonce.valueBlock.valueHexView) !== nonceHex)
    )
      return fail('the token does not carry the nonce of the request', at);
    const trusted = trustPem === null ? [] : certificatesOf(trustPem);
    const result = await signed.verify({
      signer: 0,
      data: Uint8Array.from(stamped).buffer, // a copy: a Buffer may be a view of a larger pool
      trustedCerts: trusted,
      checkChain: trustPem !== null,
      extendedMode: true,
    });
    // With checkChain, a signer that does not chain to the anchors throws (below).
    if (!result.signatureVerified) return fail('the signature does not verify', at);
    return {
      ok: true,
      detail:
        trustPem === null
          ? `signature valid (chain not checked), stamped ${genTime}`
          : `valid, chains to the trust anchor, stamped ${genTime}`,
      ...at,
    };
  } catch (e) {
    const message = (e as Error).message;
    return fail(
      /signer's certificate/.test(message)
        ? `the signer does not chain to the configured trust anchors (${message})`
        : `not a valid token (${message})`,
    );
  }
}
