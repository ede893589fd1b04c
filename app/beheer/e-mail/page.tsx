import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { requirePagePermission } from "@/lib/auth";
import { listDeadMail } from "@/lib/data/platform/mail";
import { routes } from "@/lib/routes";
import { retryDeadMailAction } from "./actions";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Niet afgeleverde e-mail" };

/** Platform admins: e-mail the outbox gave up on after 24 hours of trying. */
export default async function DeadMailPage() {
  const user = await requirePagePermission("mailbox.dead_letters", routes.staff.mail);
  const messages = await listDeadMail(user);
  return (
    <Container>
      <h1 className="text-3xl font-bold text-brand-800">Niet afgeleverde e-mail</h1>
      <p className="mt-4 max-w-3xl">
        Deze e-mails konden 24 uur lang niet worden afgeleverd, of de mailserver van de ontvanger weigerde het adres. Los
        eerst de oorzaak op (bijvoorbeeld de instellingen van de mailserver). Kies daarna &ldquo;Opnieuw
        versturen&rdquo;: de e-mail wordt dan nog één keer geprobeerd.
      </p>
      {messages.length === 0 ? (
        <p className="mt-6">Er zijn geen e-mails die niet afgeleverd konden worden.</p>
      ) : (
        <ol className="mt-6 divide-y divide-slate-300 border-y border-slate-300">
          {messages.map((message) => (
            <li key={message.id} className="flex flex-col gap-3 py-4 sm:flex-row sm:items-start sm:justify-between">
              <div className="min-w-0">
                <p className="font-semibold">{message.subject}</p>
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                  <dt className="font-semibold">Aan</dt>
                  <dd className="break-all">{message.to}</dd>
                  <dt className="font-semibold">Aangemaakt</dt>
                  <dd>{formatDateTime(message.createdAt)}</dd>
                  <dt className="font-semibold">Pogingen</dt>
                  <dd>{message.attempts}</dd>
                  {message.lastError ? (
                    <>
                      <dt className="font-semibold">Laatste fout</dt>
                      <dd className="break-all text-slate-700">{message.lastError}</dd>
                    </>
                  ) : null}
                </dl>
              </div>
              <form action={retryDeadMailAction} className="shrink-0">
                <input type="hidden" name="id" value={message.id} />
                <Button type="submit" variant="secondary">
                  Opnieuw versturen<span className="sr-only">: {message.subject}</span>
                </Button>
              </form>
            </li>
          ))}
        </ol>
      )}
    </Container>
  );
}
