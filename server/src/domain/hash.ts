import { hash } from 'node:crypto';

/** Lowercase hex SHA-256 of the UTF-8 bytes of `text`, exactly as given. */
export function sha256Hex(text: string | Buffer): string {
  return hash('sha256', text, 'hex');
}

/**
 * The content hash of an edition's text: SHA-256 of the Markdown body exactly
 * as served, so anyone can recompute it from the API response.
 */
export function contentHash(body: string): string {
  return sha256Hex(Buffer.from(body, 'utf8'));
}
