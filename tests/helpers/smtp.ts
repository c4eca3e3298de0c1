/**
 * A real SMTP server on 127.0.0.1 (smtp-server) that keeps every message it
 * receives, parsed (mailparser): the app sends through Strapi's email plugin
 * and its nodemailer provider to it, as it would to a real mail server.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailSink {
  port: number;
  /** Every message received (parsed), unless started with `keep: false`. */
  messages: ReceivedMail[];
  /** How many messages were received. */
  received(): number;
  /** Messages to `address`, oldest first. */
  to(address: string): ReceivedMail[];
  close(): Promise<void>;
}

const addresses = (m: ParsedMail) =>
  [m.to].flat().flatMap((a) => (a ? a.value.map((v) => (v.address ?? '').toLowerCase()) : []));

/** `keep: false` (the benchmark): count messages, do not parse or keep them. */
export async function startMailSink({ keep = true } = {}): Promise<MailSink> {
  const messages: ReceivedMail[] = [];
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      count++;
      if (!keep) {
        stream.on('end', () => callback());
        stream.resume();
        return;
      }
      simpleParser(stream)
        .then((m) => {
          messages.push({
            to: addresses(m),
            from: m.from?.text ?? '',
            subject: m.subject ?? '',
            text: m.text ?? '',
            html: typeof m.html === 'string' ? m.html : '',
          });
          callback();
        })
        .catch((e: Error) => callback(e));
    },
  });
  // A client that goes away mid-connection (a server stopped with pooled connections open)
  // is not the sink's failure.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    received: () => count,
    to: (address) => messages.filter((m) => m.to.includes(address.toLowerCase())),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
