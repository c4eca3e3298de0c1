import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signed, expiring token of a double opt-in link:
 * `<submission id>.<expiry, seconds since epoch>.<HMAC-SHA-256, base64url>`,
 * signed with a key derived from the plugin's secret. It names a pending
 * submission and says until when it may be confirmed; it carries nothing
 * personal.
 *
 * A link that confirms a signed-in user's e-mail (services/account-emails.ts)
 * is `link.<submission id>.<expiry>.<HMAC>`, signed with a key of its own: one
 * kind of token can never pass for the other.
 */
export type TokenPurpose = 'confirm' | 'link';

const PREFIX: Record<TokenPurpose, string> = { confirm: '', link: 'link.' };

const sign = (secret: string, purpose: TokenPurpose, id: string, expires: number) =>
  createHmac('sha256', `policy-ledger/${purpose}/${secret}`)
    .update(`${id}.${expires}`)
    .digest('base64url');

export function confirmationToken(
  secret: string,
  submissionId: string,
  expiresAt: Date,
  purpose: TokenPurpose = 'confirm',
): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return `${PREFIX[purpose]}${submissionId}.${expires}.${sign(secret, purpose, submissionId, expires)}`;
}

export type TokenCheck =
  | { ok: true; purpose: TokenPurpose; submissionId: string; expiresAt: Date }
  | { ok: false; reason: 'malformed' | 'forged' | 'expired'; expiresAt?: Date };

/** What a token is for, by its form (before any check). */
export const purposeOf = (token: string): TokenPurpose =>
  token.startsWith(PREFIX.link) ? 'link' : 'confirm';

/** Checks a token's signature, then its expiry at `now`. */
export function checkConfirmationToken(secret: string, token: string, now: Date): TokenCheck {
  const purpose = purposeOf(token);
  const m = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(
    token.slice(PREFIX[purpose].length),
  );
  if (!m) return { ok: false, reason: 'malformed' };
  const [, id, expiresText, mac] = m;
  const expires = Number(expiresText);
  const expected = Buffer.from(sign(secret, purpose, id, expires));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'forged' };
  const expiresAt = new Date(expires * 1000);
  if (now.getTime() >= expiresAt.getTime()) return { ok: false, reason: 'expired', expiresAt };
  return { ok: true, purpose, submissionId: id, expiresAt };
}
