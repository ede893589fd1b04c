/**
 * How a queued e-mail leaves: over SMTP (nodemailer, SMTP_URL) or, in demo mode without
 * SMTP_URL, into the demo mailbox (the message stays in the outbox table, marked sent with
 * transport "mailbox", and /dev/mailbox shows it).
 */
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { ConfigError, getEnv } from "@/lib/env";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** A stable Message-ID, so a receiver can tell a resent copy from a new message. */
  messageId: string;
}

export interface MailTransport {
  /** Stored in mail_outbox.transport for each sent message. */
  readonly name: "smtp" | "mailbox";
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * An SMTP server refused this message for good (the mailbox does not exist, the address is
 * not allowed); trying again will not help.
 */
export class PermanentMailError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PermanentMailError";
  }
}

/** SMTP replies that mean "this address will never work": 550, 551, 553 on a recipient. */
const PERMANENT_RECIPIENT_CODES = new Set([550, 551, 553]);

export function smtpTransport(url: string, from: string): MailTransport {
  const transporter: Transporter = nodemailer.createTransport(
    {
      url,
      // One connection, kept open between messages and reused (up to 100 messages): the worker
      // sends one message after the other, and a new connection per message cost about a tenth
      // of a second each (a queue of 100 took 11 s instead of 1 s against a local server).
      pool: true,
      maxConnections: 1,
      // A slow server must not hold a worker's claim for long (the claim lasts 2 minutes).
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    },
    { from },
  );
  return {
    name: "smtp",
    async send(message) {
      try {
        await transporter.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html ?? undefined,
          messageId: message.messageId,
          headers: { "Auto-Submitted": "auto-generated" },
        });
      } catch (error) {
        const { responseCode, command } = error as { responseCode?: number; command?: string };
        if (responseCode && PERMANENT_RECIPIENT_CODES.has(responseCode) && command === "RCPT TO") {
          throw new PermanentMailError(`The mail server refused the recipient (${responseCode}).`, { cause: error });
        }
        throw error;
      }
    },
    close() {
      transporter.close();
    },
  };
}

export const mailboxTransport: MailTransport = {
  name: "mailbox",
  async send() {
    // The message stays in the outbox table; /dev/mailbox reads it from there.
  },
  close() {},
};

const transportKey = Symbol.for("buurtpreventie.mailTransport");
type GlobalWithTransport = typeof globalThis & { [transportKey]?: { env: ReturnType<typeof getEnv>; transport: MailTransport } };

/**
 * The transport this process's settings ask for: the demo mailbox, or SMTP_URL. Made once per
 * reading of the settings (a server reads them once; tests that change them get a new one).
 */
export function transportFromEnv(): MailTransport {
  const g = globalThis as GlobalWithTransport;
  const env = getEnv();
  if (g[transportKey]?.env !== env) {
    let transport: MailTransport;
    if (env.mailboxEnabled) transport = mailboxTransport;
    else if (env.SMTP_URL) transport = smtpTransport(env.SMTP_URL, env.MAIL_FROM);
    // Never mark mail as sent without a way to send it: it waits in the outbox instead.
    else throw new ConfigError("Missing required setting: SMTP_URL");
    g[transportKey]?.transport.close();
    g[transportKey] = { env, transport };
  }
  return g[transportKey].transport;
}

/**
 * Closes the transport made for the current settings (its open connection to the mail server),
 * so that it does not keep a stopping process alive. The next transportFromEnv() makes a new one.
 */
export function closeTransport(): void {
  const g = globalThis as GlobalWithTransport;
  g[transportKey]?.transport.close();
  g[transportKey] = undefined;
}
