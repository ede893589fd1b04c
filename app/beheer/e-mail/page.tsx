import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { requireRole } from "@/lib/auth";
import { listDeadMail } from "@/lib/data/mail";
import { retryDeadMailAction } from "./actions";

export const metadata: Metadata = { title: "Niet afgeleverde e-mail" };

const timeFormat = new Intl.DateTimeFormat("nl-NL", {
  dateStyle: "short",
  timeStyle: "short",
  timeZone: "Europe/Amsterdam",
});

/** Platform admins: e-mail the outbox gave up on after 24 hours of trying. */
export default async function DeadMailPage() {
  const user = await requireRole(["platform_admin"], "/beheer/e-mail");
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
        <div className="mt-6 overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Niet afgeleverde e-mails, nieuwste eerst</caption>
            <thead>
              <tr className="border-b-2 border-slate-600">
                <th scope="col" className="py-2 pr-4">Onderwerp</th>
                <th scope="col" className="py-2 pr-4">Aan</th>
                <th scope="col" className="py-2 pr-4">Aangemaakt</th>
                <th scope="col" className="py-2 pr-4">Pogingen en laatste fout</th>
                <th scope="col" className="py-2">Actie</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr key={message.id} className="border-b border-slate-300 align-top">
                  <td className="py-2 pr-4">{message.subject}</td>
                  <td className="break-all py-2 pr-4">{message.to}</td>
                  <td className="whitespace-nowrap py-2 pr-4">{timeFormat.format(message.createdAt)}</td>
                  <td className="py-2 pr-4 text-sm">
                    {message.attempts} {message.attempts === 1 ? "poging" : "pogingen"}
                    {message.lastError ? <span className="block break-all text-slate-700">{message.lastError}</span> : null}
                  </td>
                  <td className="py-2">
                    <form action={retryDeadMailAction}>
                      <input type="hidden" name="id" value={message.id} />
                      <Button type="submit" variant="secondary">
                        Opnieuw versturen<span className="sr-only">: {message.subject}</span>
                      </Button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Container>
  );
}
