import { isIPv4, isIPv6 } from 'node:net';
import { subjectRef } from './subject';

export type IpMode = 'truncate' | 'hash' | 'full' | 'none';

/** IP as the configuration says: truncated (/24, /48), hashed, full or not at all. */
export function processIp(ip: string | null, mode: IpMode, secret: string): string | null {
  if (!ip || mode === 'none') return null;
  const clean = ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (mode === 'full') return clean;
  if (mode === 'hash') return subjectRef(secret, `ip:${clean}`).slice(0, 32);
  if (isIPv4(clean)) return clean.split('.').slice(0, 3).concat('0').join('.');
  const addr = clean.replace(/%.*$/, ''); // drop a zone id (fe80::1%eth0)
  if (!isIPv6(addr)) return null; // not an address: store nothing rather than the raw text
  // Expand "::" so that the first three groups are the real /48 prefix.
  const width = (part: string) =>
    part ? part.split(':').reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0) : 0;
  const [head, tail = ''] = addr.split('::');
  const groups = addr.includes('::')
    ? [
        ...(head ? head.split(':') : []),
        ...Array<string>(8 - width(head) - width(tail)).fill('0'),
        ...(tail ? tail.split(':') : []),
      ]
    : addr.split(':');
  return `${groups
    .slice(0, 3)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::`;
}
