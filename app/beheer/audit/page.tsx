import type { Metadata } from "next";
import { connection } from "next/server";
import { formatDateTime } from "@/components/staff/format";
import { FilterForm, FilterInput, FilterSelect, ListPager, type FilterOption } from "@/components/staff/list-controls";
import { Container } from "@/components/ui/container";
import { requirePagePermission } from "@/lib/auth";
import { listAuditLog, parseAuditFilters } from "@/lib/data/staff/audit-log";
import { type SearchParams } from "@/lib/data/staff/params";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Auditlog" };

const ACTIONS: FilterOption[] = [
  ["", "Alle acties"],
  ["sign_request.", "Besluiten over borden"],
  ["group.view", "Persoonsgegevens van groepen bekeken"],
  ["group.export", "Groepen gedownload"],
  ["group.", "Alles over groepen"],
  ["wijkagent.", "Wijkagent: bekeken en gedownload"],
  ["area.", "Wijken gewijzigd"],
  ["contact.", "Contactpersonen gewijzigd"],
  ["settings.", "Instellingen gewijzigd"],
  ["user.", "Accounts en rollen"],
  ["auth.", "Inloggen en uitloggen"],
];

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const user = await requirePagePermission("audit.view", routes.staff.audit);
  const filters = parseAuditFilters(await searchParams);
  const page = await listAuditLog(user, filters);
  const base = { actie: filters.action, soort: filters.subjectType, onderwerp: filters.subjectId, door: filters.actor, van: filters.from, tot: filters.to };
  return (
    <Container>
      <h1 className="text-3xl font-bold text-brand-800">Auditlog</h1>
      <p className="mt-2">Wie deed wat, wanneer. Ook wie persoonsgegevens heeft bekeken. Dit overzicht kan niet worden gewijzigd.</p>
      <FilterForm label="Filter het auditlog" clearHref={routes.staff.audit} columns={4}>
        <FilterSelect name="actie" label="Actie" defaultValue={filters.action ?? ""} options={ACTIONS} />
        <FilterInput name="door" label="Door (e-mailadres)" type="search" maxLength={100} defaultValue={filters.actor} />
        <FilterInput name="van" label="Vanaf" type="date" defaultValue={filters.from} />
        <FilterInput name="tot" label="Tot en met" type="date" defaultValue={filters.to} />
      </FilterForm>
      {page.items.length === 0 ? <p className="mt-6">Niets gevonden.</p> : (
        <ul className="mt-6 divide-y divide-slate-300 border-y border-slate-300">
          {page.items.map((e) => (
            <li key={e.id} className="py-3">
              <p><strong>{formatDateTime(e.createdAt)}</strong>: <code>{e.action}</code></p>
              <p>Door: {e.actorName ?? e.actorEmail ?? "systeem"}{e.actorEmail && e.actorName ? ` (${e.actorEmail})` : ""}</p>
              <p className="break-all text-sm text-slate-700">Onderwerp: {e.subjectType}{e.subjectId ? ` ${e.subjectId}` : ""}</p>
              {Object.keys(e.details).length > 0 ? <p className="break-all text-sm text-slate-700">Details: {JSON.stringify(e.details)}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <ListPager path={routes.staff.audit} query={base} cursor={filters.cursor} nextCursor={page.nextCursor} />
    </Container>
  );
}
