/**
 * The demo's loopback SMTP server: it accepts every e-mail the notification connector sends
 * and keeps it in memory (the last 200), so `npm start` needs no mail server and the mails
 * can still be read, as a list at the sink's own small loopback web page.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SunkMail { receivedAt: string; from: string; to: string[]; subject: string; text: string }

export interface MailSink {
  /** What the email connector's SMTP_URL secret is set to. */
  smtpUrl: string;
  /** The page listing the received mails. */
  url: string;
  mails(): SunkMail[];
  close(): Promise<void>;
}

const KEPT = 200;

/** RFC 2047 encoded words (nodemailer writes non-ASCII subjects so). */
function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_match, kind: string, text: string) => (kind.toUpperCase() === 'B'
    ? Buffer.from(text, 'base64')
    : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1')).toString('utf8'));
}

/** Subject and plain text of nodemailer's single-part text messages. */
function readMessage(raw: string): { subject: string; text: string } {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const at = line.indexOf(':');
    if (at > 0) headers.set(line.slice(0, at).toLowerCase(), line.slice(at + 1).trim());
  }
  const body = rest.join('\r\n\r\n');
  const encoding = headers.get('content-transfer-encoding');
  const text = encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8')
    : encoding === 'quoted-printable' ? Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8')
      : body;
  return { subject: decodeWords(headers.get('subject') ?? ''), text: text.replace(/\r\n/g, '\n').trimEnd() };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(mails: SunkMail[]): string {
  const items = mails.slice().reverse().map((m) => `<li><p><strong>${escapeHtml(m.subject)}</strong><br>${escapeHtml(m.receivedAt)} · from ${escapeHtml(m.from)} to ${escapeHtml(m.to.join(', '))}</p><pre>${escapeHtml(m.text)}</pre></li>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sandbox mailbox</title></head>
<body><main><h1>Sandbox mailbox</h1><p>${mails.length} e-mail(s) received, newest first.</p><ol>${items.join('')}</ol></main></body></html>`;
}

export async function startMailSink(options: { host?: string; onMail?: (mail: SunkMail) => void } = {}): Promise<MailSink> {
  const host = options.host ?? '127.0.0.1';
  const received: SunkMail[] = [];
  const smtp = new SMTPServer({
    secure: false, disabledCommands: ['STARTTLS', 'AUTH'], logger: false, size: 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mail: SunkMail = {
          receivedAt: new Date().toISOString(), from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address), ...readMessage(Buffer.concat(chunks).toString('utf8')),
        };
        received.push(mail);
        if (received.length > KEPT) received.shift();
        options.onMail?.(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => { smtp.once('error', reject); smtp.listen(0, host, () => resolve()); });
  const web: Server = createServer((request, response) => {
    const json = request.url === '/mails.json';
    response.writeHead(request.method === 'GET' ? 200 : 405, { 'content-type': json ? 'application/json' : 'text/html; charset=utf-8' });
    response.end(request.method !== 'GET' ? '' : json ? JSON.stringify(received) : page(received));
  });
  await new Promise<void>((resolve, reject) => { web.once('error', reject); web.listen(0, host, () => resolve()); });
  return {
    smtpUrl: `smtp://${host}:${(smtp.server.address() as AddressInfo).port}`,
    url: `http://${host}:${(web.address() as AddressInfo).port}/`,
    mails: () => received.slice(),
    async close() {
      web.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => web.close(() => resolve())),
        new Promise<void>((resolve) => smtp.close(() => resolve())),
      ]);
    },
  };
}
