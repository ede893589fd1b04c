import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Container } from "@/components/ui/container";
import { getMailboxMessage } from "@/lib/data/platform/mail";
import { getEnv } from "@/lib/env";
import { routes } from "@/lib/routes";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "E-mail in de demo-mailbox", robots: { index: false, follow: false } };

/** The plain text of a message with its web addresses as links. */
function withLinks(text: string): ReactNode[] {
  return text.split(/(https?:\/\/[^\s<>"]+)/g).map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part} className="break-all">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const env = getEnv();
  if (!env.mailboxEnabled) notFound();
  const { id } = await params;
  if (!/^\d{1,15}$/.test(id)) notFound();
  const message = await getMailboxMessage(null, Number(id));
  if (!message) notFound();

  return (
    <Container className="max-w-3xl">
      <p>
        <Link href={`${routes.mailbox.list}?aan=${encodeURIComponent(message.to)}`}>← Terug naar de demo-mailbox</Link>
      </p>
      <h1 className="mt-4 text-3xl font-bold text-brand-800">{message.subject}</h1>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">Van</dt>
        <dd className="break-all">{env.MAIL_FROM}</dd>
        <dt className="font-semibold">Aan</dt>
        <dd className="break-all">{message.to}</dd>
        <dt className="font-semibold">Verstuurd</dt>
        <dd>{message.sentAt ? formatDateTime(message.sentAt) : "-"}</dd>
      </dl>
      <section aria-label="Inhoud van de e-mail" className="mt-6 rounded-lg border-2 border-slate-300 bg-white p-4 sm:p-6">
        <div className="whitespace-pre-wrap break-words">{withLinks(message.text)}</div>
      </section>
    </Container>
  );
}
