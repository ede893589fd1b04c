import type { Metadata } from "next";
import { JoinRequestDecisionForm } from "@/components/group/join-request-decision";
import { FormMessage } from "@/components/ui/alert";
import { listHandledJoinRequests, listOpenJoinRequests } from "@/lib/data/resident/join-requests";
import { JOIN_REQUEST_RETENTION_DAYS } from "@/lib/domain/retention";
import { routes } from "@/lib/routes";
import { decideJoinRequestAction } from "../../../actions";
import { loadAdminPage, orNotFound } from "../load";
import { formatDate, formatPhone } from "@/lib/format";

export const metadata: Metadata = { title: "Aanmeldingen" };


export default async function JoinRequestsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const { user, group } = await loadAdminPage(id, routes.myGroups.joinRequests);
  const [requests, handled, query] = await Promise.all([
    orNotFound(listOpenJoinRequests(user, group.id)),
    orNotFound(listHandledJoinRequests(user, group.id)),
    searchParams,
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">Aanmeldingen voor {group.name}</h1>
      {query.afgehandeld === "geaccepteerd" ? (
        <FormMessage tone="success" title="De aanmelding is geaccepteerd">
          Het adres staat nu bij de deelnemende adressen. De bewoner krijgt een e-mail{group.whatsappInviteUrl ? " met de link naar de WhatsApp-groep" : ""}.
        </FormMessage>
      ) : query.afgehandeld === "afgewezen" ? (
        <FormMessage tone="success" title="De aanmelding is afgewezen">
          De bewoner krijgt een e-mail, met uw bericht, als u er een schreef.
        </FormMessage>
      ) : null}
      <p>
        Buren die mee willen doen, melden zich aan via de openbare pagina van de groep. Accepteert u iemand? Dan komt het adres in de lijst en
        krijgt de bewoner een e-mail{group.whatsappInviteUrl ? " met de link naar de WhatsApp-groep" : ""}. De gegevens van een afgehandelde
        aanmelding worden na {JOIN_REQUEST_RETENTION_DAYS} dagen verwijderd.
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
                <dd>{r.phone ? formatPhone(r.phone) : "Niet bekend"}</dd>
                <dt className="font-semibold">Aangemeld op</dt>
                <dd>{formatDate(r.createdAt)}</dd>
              </dl>
              <JoinRequestDecisionForm groupId={group.id} requestId={r.id} residentName={r.name} action={decideJoinRequestAction} />
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="handled-heading" className="space-y-3">
        <h2 id="handled-heading" className="text-2xl font-bold">
          Afgehandelde aanmeldingen
        </h2>
        {handled.length === 0 ? (
          <p>U hebt nog geen aanmeldingen afgehandeld.</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded border-2 border-slate-300">
            {handled.map((h) => (
              <li key={h.id} className="p-3">
                <span className="font-semibold">{h.name ?? "Gegevens verwijderd"}</span>
                {h.address ? `, ${h.address}` : ""}: {h.status === "accepted" ? "geaccepteerd" : "afgewezen"} op {formatDate(h.handledAt)}
                {h.handledBy ? ` door ${h.handledBy}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
