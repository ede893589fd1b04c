import type { Metadata } from "next";
import { JoinRequestDecisionForm } from "@/components/group/join-request-decision";
import { listOpenJoinRequests } from "@/lib/data/join-requests";
import { routes } from "@/lib/routes";
import { decideJoinRequestAction } from "../../../actions";
import { loadAdminPage, orNotFound } from "../load";

export const metadata: Metadata = { title: "Aanmeldingen" };

export default async function JoinRequestsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, group } = await loadAdminPage(id, routes.myGroups.joinRequests);
  const requests = await orNotFound(listOpenJoinRequests(user, group.id));
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">Aanmeldingen voor {group.name}</h1>
      <p>
        Buren die mee willen doen, melden zich aan via de openbare pagina van de groep. Accepteert u iemand? Dan komt het adres in de lijst en
        krijgt de bewoner een e-mail{group.whatsappInviteUrl ? " met de link naar de WhatsApp-groep" : ""}. De gegevens van een afgehandelde
        aanmelding worden na 30 dagen verwijderd.
      </p>
      {!group.whatsappInviteUrl ? (
        <p className="text-slate-800">
          Tip: zet de uitnodigingslink van uw WhatsApp-groep bij de gegevens van de groep. Dan sturen wij die mee als u iemand accepteert.
        </p>
      ) : null}
      {requests.length === 0 ? (
        <p className="font-semibold">Er zijn geen nieuwe aanmeldingen.</p>
      ) : (
        <ul className="space-y-4">
          {requests.map((r) => (
            <li key={r.id} className="space-y-3 rounded border-2 border-slate-300 p-4">
              <h2 className="text-xl font-bold">{r.name}</h2>
              <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
                <dt className="font-semibold">Adres</dt>
                <dd>{r.address}</dd>
                <dt className="font-semibold">E-mail</dt>
                <dd className="break-all">{r.email}</dd>
                <dt className="font-semibold">Mobiel</dt>
                <dd>{r.phone ?? "Niet bekend"}</dd>
                <dt className="font-semibold">Aangemeld op</dt>
                <dd>{r.createdAt.toLocaleDateString("nl-NL", { timeZone: "Europe/Amsterdam", day: "numeric", month: "long", year: "numeric" })}</dd>
              </dl>
              <JoinRequestDecisionForm groupId={group.id} requestId={r.id} residentName={r.name} action={decideJoinRequestAction} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
