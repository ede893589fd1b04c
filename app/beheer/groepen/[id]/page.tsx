import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { DissolveGroupForm } from "@/components/staff/dissolve-group-form";
import { formatDate, formatDateTime, formatNumber, statusLabel } from "@/components/staff/format";
import { Alert } from "@/components/ui/alert";
import { Container } from "@/components/ui/container";
import { requirePagePermission } from "@/lib/auth";
import { GROUP_DETAIL_ADDRESS_LIMIT, getGroupForStaff } from "@/lib/data/staff/groups";
import { can } from "@/lib/auth/permissions";
import { CHECK_STAGE_LABELS, UNCONFIRMED_STAGES, formatAddress } from "@/lib/domain";
import { Button } from "@/components/ui/button";
import { routes } from "@/lib/routes";
import { dissolveGroupAction, keepGroupAction } from "../../actions";
import { formatPhone } from "@/lib/format";

export const metadata: Metadata = { title: "Groep" };

export default async function StaffGroupPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const { id } = await params;
  const checkNotice = (await searchParams).jaarcontrole;
  const user = await requirePagePermission("group.view_all", routes.staff.group(id));
  const group = await getGroupForStaff(user, id);
  if (!group) notFound();
  return (
    <Container>
      <p><Link href={routes.staff.groups}>← Alle groepen</Link></p>
      <h1 className="mt-2 text-3xl font-bold text-brand-800">{group.name}</h1>
      <p className="mt-2">
        {group.areaName}, {group.municipalityName}. {group.status === "active" ? "Actief" : `Opgeheven op ${formatDate(group.dissolvedAt)}`}, aangemeld op {formatDate(group.createdAt)}.
      </p>
      {group.description ? <p className="mt-2 whitespace-pre-line">{group.description}</p> : null}
      <p className="mt-2 text-sm text-slate-700">U ziet hier persoonsgegevens. Dat wordt vastgelegd in het auditlog.</p>

      {group.status === "active" ? (
        <section aria-labelledby="jaarcontrole" className="mt-8">
          <h2 id="jaarcontrole" className="text-2xl font-bold">
            Jaarcontrole
            {group.check && UNCONFIRMED_STAGES.includes(group.check.stage) ? (
              <span className="ml-3 inline-block rounded border border-amber-700 bg-amber-50 px-2 align-middle text-base font-semibold text-amber-900">niet bevestigd</span>
            ) : null}
          </h2>
          {checkNotice === "bevestigd" ? (
            <div className="mt-3"><Alert tone="success" title="De groep blijft" role="status">U hebt namens de beheerders bevestigd dat de groep nog actief is.</Alert></div>
          ) : null}
          {checkNotice === "geen" ? (
            <div className="mt-3"><Alert tone="info" title="Geen controle meer" role="status">Voor deze groep loopt geen jaarcontrole meer. Misschien heeft een beheerder of collega al bevestigd.</Alert></div>
          ) : null}
          {group.check ? (
            <>
              <p className="mt-2">
                Gevraagd op {formatDate(group.check.startedAt)}. Fase: <strong>{CHECK_STAGE_LABELS[group.check.stage]}</strong>.
              </p>
              {can(user, "group.check") ? (
                <>
                  <p className="mt-2">Weet u dat de groep nog actief is, bijvoorbeeld na een telefoontje? Bevestig dan namens de beheerders. Is de groep gestopt? Hef haar dan hieronder op.</p>
                  <form action={keepGroupAction} className="mt-3">
                    <input type="hidden" name="groupId" value={group.id} />
                    <Button type="submit" variant="secondary">De groep blijft</Button>
                  </form>
                </>
              ) : null}
            </>
          ) : (
            <p className="mt-2">
              Geen lopende controle. {group.lastConfirmedAt ? `Laatst bevestigd op ${formatDate(group.lastConfirmedAt)}.` : "Nog nooit gevraagd."}
            </p>
          )}
        </section>
      ) : null}

      <section aria-labelledby="beheerders" className="mt-8">
        <h2 id="beheerders" className="text-2xl font-bold">Beheerders ({group.admins.length})</h2>
        {group.admins.length < 2 ? (
          <div className="mt-3"><Alert tone="warning" title="Minder dan twee beheerders">De groep hangt af van één persoon.</Alert></div>
        ) : null}
        <ul className="mt-3 space-y-3">
          {group.admins.map((a) => (
            <li key={a.email} className="rounded border-2 border-slate-300 p-3">
              <p className="font-semibold">{a.name ?? "Naam onbekend"}</p>
              <p>E-mail: <a href={`mailto:${a.email}`}>{a.email}</a></p>
              <p>Telefoon: {a.phone ? <a href={`tel:${a.phone}`}>{formatPhone(a.phone)}</a> : "onbekend"}</p>
              <p className="text-sm text-slate-700">Beheerder sinds {formatDate(a.since)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="borden" className="mt-8">
        <h2 id="borden" className="text-2xl font-bold">Bordaanvragen</h2>
        {group.bordRequests.length === 0 ? <p className="mt-2">Geen.</p> : (
          <ul className="mt-2 list-disc pl-6">
            {group.bordRequests.map((r) => (
              <li key={r.id}><Link href={routes.staff.bord(r.id)}>Aanvraag van {formatDateTime(r.createdAt)}</Link>: {statusLabel(r.status)}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="adressen" className="mt-8">
        <h2 id="adressen" className="text-2xl font-bold">Deelnemende adressen ({formatNumber(group.addressCount)} in de gemeente)</h2>
        {group.addresses.length >= GROUP_DETAIL_ADDRESS_LIMIT ? <p className="mt-2">U ziet de eerste {formatNumber(GROUP_DETAIL_ADDRESS_LIMIT)} adressen.</p> : null}
        <ul className="mt-3 columns-1 gap-6 sm:columns-2 lg:columns-3">
          {group.addresses.map((a) => (
            <li key={`${a.postcode}-${a.houseNumber}-${a.addition}`}>
              {formatAddress(a)}{a.street ? `, ${a.street}` : ""}
              {!a.verified ? <span className="text-sm text-slate-700"> (niet gecontroleerd)</span> : null}
              {!a.inMunicipality ? <span className="text-sm text-slate-700"> (buiten de gemeente)</span> : null}
            </li>
          ))}
        </ul>
      </section>

      {group.status === "active" ? (
        <section aria-labelledby="opheffen" className="mt-8">
          <h2 id="opheffen" className="text-2xl font-bold">Groep opheffen</h2>
          <p className="mt-2">Doe dit alleen als de beheerders erom vragen. Open bordaanvragen worden dan ingetrokken.</p>
          <DissolveGroupForm groupId={group.id} version={group.version} action={dissolveGroupAction} />
        </section>
      ) : null}
    </Container>
  );
}
