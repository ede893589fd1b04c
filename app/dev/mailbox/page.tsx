import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Button } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { TextField } from "@/components/ui/field";
import { listMailboxMessages } from "@/lib/data/platform/mail";
import { getEnv } from "@/lib/env";
import { emailField } from "@/lib/validation";
import { routes } from "@/lib/routes";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Demo-mailbox", robots: { index: false, follow: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Demo mode only: every e-mail the application "sent", newest first. */
export default async function MailboxPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  if (!getEnv().mailboxEnabled) notFound();
  const params = await searchParams;
  const rawTo = (typeof params.aan === "string" ? params.aan : "").slice(0, 300);
  const to = rawTo ? emailField.safeParse(rawTo) : null;
  const toError = to && !to.success ? "Dit is geen e-mailadres. Vul een adres in zoals naam@voorbeeld.nl." : undefined;
  const messages = toError ? [] : await listMailboxMessages(null, { to: to?.success ? to.data : null });

  return (
    <Container>
      <h1 className="text-3xl font-bold text-brand-800">Demo-mailbox</h1>
      <p className="mt-4 max-w-3xl text-lg">
        Dit is de demo. E-mails worden niet echt verstuurd, maar komen hier terecht. Zo kunt u bijvoorbeeld een
        inloglink openen voor een demo-account.
      </p>

      <form method="get" action={routes.mailbox.list} className="mt-6 flex max-w-xl flex-col gap-3 sm:flex-row sm:items-end" noValidate>
        <TextField
          id="aan"
          name="aan"
          type="email"
          label="Alleen e-mails aan"
          hint="Laat leeg voor alle e-mails"
          defaultValue={rawTo}
          error={toError}
          className="flex-1"
          maxLength={300}
        />
        <Button type="submit" variant="secondary">
          Filteren
        </Button>
      </form>

      <section aria-labelledby="berichten" className="mt-8">
        <h2 id="berichten" className="text-2xl font-bold">
          {to?.success ? `E-mails aan ${to.data}` : "Alle e-mails"}
        </h2>
        {messages.length === 0 ? (
          <p className="mt-4">Er zijn (nog) geen e-mails. Een nieuwe e-mail staat er binnen een paar seconden.</p>
        ) : (
          <ol className="mt-4 divide-y divide-slate-300 border-y border-slate-300">
            {messages.map((message) => (
              <li key={message.id} className="py-3">
                <p className="font-semibold">
                  <Link href={routes.mailbox.message(message.id)}>{message.subject}</Link>
                </p>
                <p className="text-sm text-slate-700">
                  <span className="break-all">Aan: {message.to}</span>
                  <span aria-hidden="true"> · </span>
                  <span className="block sm:inline">
                    Verstuurd: {message.sentAt ? formatDateTime(message.sentAt) : "-"}
                  </span>
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </Container>
  );
}
