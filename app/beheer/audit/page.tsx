import type { Metadata } from "next";
import { connection } from "next/server";
import { formatDateTime } from "@/components/staff/format";
import { FilterForm, FilterInput, FilterSelect, ListPager, type FilterOption } from "@/components/staff/list-controls";
import { Alert } from "@/components/ui/alert";
import { Container } from "@/components/ui/container";
import { requirePagePermission } from "@/lib/auth";
import { listAuditLog } from "@/lib/data/staff/audit-log";
import { parseAuditFilters } from "@/lib/validation/audit-filters";
import { type SearchParams } from "@/lib/validation/search-params";
import { AUDIT_ACTION_FILTERS } from "@/lib/domain/audit-log";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Auditlog" };

const ACTIONS: FilterOption[] = [["", "Alle acties"], ...AUDIT_ACTION_FILTERS];
const ROLES: FilterOption[] = [
  ["", "Iedereen"],
  ["medewerker", "Medewerkers"],
  ["wijkagent", "Wijkagenten"],
  ["bewoner", "Bewoners"],
  ["platformbeheerder", "Platformbeheerders"],
  ["systeem", "Systeem (niet ingelogd of automatisch)"],
];

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const user = await requirePagePermission("audit.view", routes.staff.audit);
  const filters = parseAuditFilters(await searchParams);
  const page = await listAuditLog(user, filters);
  const base = { actie: filters.action, soort: filters.subjectType, onderwerp: filters.subjectId, door: filters.actor, rol: filters.role, van: filters.from, tot: filters.to };
  const actionKnown = !filters.action || ACTIONS.some(([value]) => value === filters.action);
  return (
    <Container>
      <h1 className="text-3xl font-bold text-brand-800">Auditlog</h1>
      <p className="mt-2">Wie deed wat, wanneer. Ook wie persoonsgegevens heeft bekeken. Dit overzicht kan niet worden gewijzigd.</p>
      <p className="mt-2 text-sm text-slate-700">
        Namen van bewoners staan er alleen bij als de bewoner nu beheerder is van een groep in uw gemeente. Anders staat er &lsquo;Een bewoner&rsquo;.
      </p>
      <FilterForm label="Filter het auditlog" clearHref={routes.staff.audit} columns={4}>
        <FilterSelect
          name="actie"
          label="Soort actie"
          defaultValue={filters.action ?? ""}
          options={actionKnown ? ACTIONS : [...ACTIONS, [filters.action!, `Precies: ${filters.action}`]]}
        />
        <FilterSelect name="rol" label="Rol" defaultValue={filters.role ?? ""} options={ROLES} />
        <FilterInput name="door" label="Door (naam of e-mailadres)" type="search" maxLength={100} defaultValue={filters.actor} />
        <FilterInput name="van" label="Vanaf" type="date" defaultValue={filters.from} />
        <FilterInput name="tot" label="Tot en met" type="date" defaultValue={filters.to} />
      </FilterForm>
      {filters.problems?.length ? (
        <div className="mt-4">
          <Alert tone="warning" title="Niet alle filters konden worden gebruikt">
            <ul className="list-disc pl-5">
              {filters.problems.map((p) => <li key={p}>{p}</li>)}
            </ul>
          </Alert>
        </div>
      ) : null}
      {page.items.length === 0 ? <p className="mt-6">Niets gevonden.</p> : (
        <ol className="mt-6 divide-y divide-slate-300 border-y border-slate-300" aria-label="Gebeurtenissen, nieuwste eerst">
          {page.items.map((e) => (
            <li key={e.id} className="py-3">
              <p className="text-sm text-slate-700"><time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt)}</time></p>
              <p className="mt-1 break-words">{e.sentence}</p>
              <details className="mt-1">
                <summary className="cursor-pointer text-sm text-brand-800 underline">Technische gegevens</summary>
                <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm text-slate-700 sm:grid-cols-[max-content_1fr]">
                  <dt className="font-semibold">Actie</dt>
                  <dd><code className="break-all">{e.action}</code></dd>
                  <dt className="font-semibold">Onderwerp</dt>
                  <dd className="break-all"><code>{e.subjectType}</code>{e.subjectId ? <> <code>{e.subjectId}</code></> : null}</dd>
                  {e.actorEmail ? (
                    <>
                      <dt className="font-semibold">Door</dt>
                      <dd className="break-all">{e.actorName ? `${e.actorName} ` : ""}({e.actorEmail})</dd>
                    </>
                  ) : null}
                  <dt className="font-semibold">Nummer</dt>
                  <dd>{e.id}</dd>
                  {Object.keys(e.details).length > 0 ? (
                    <>
                      <dt className="font-semibold">Details</dt>
                      <dd><pre className="whitespace-pre-wrap break-all font-mono text-xs">{JSON.stringify(e.details, null, 2)}</pre></dd>
                    </>
                  ) : null}
                </dl>
              </details>
            </li>
          ))}
        </ol>
      )}
      <ListPager path={routes.staff.audit} query={base} cursor={filters.cursor} nextCursor={page.nextCursor} />
    </Container>
  );
}
