import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { formatDateTime } from "@/components/staff/format";
import { Pager } from "@/components/staff/pager";
import { Container } from "@/components/ui/container";
import { requireRole } from "@/lib/auth";
import { listAuditLog, parseAuditFilters } from "@/lib/data/staff/audit-log";
import { toQuery, type SearchParams } from "@/lib/data/staff/params";

export const metadata: Metadata = { title: "Auditlog" };

const inputClass = "mt-1 block w-full rounded border-2 border-slate-600 bg-white px-3 py-2";

const ACTIONS: Array<[string, string]> = [
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
  const user = await requireRole(["staff"], "/beheer/audit");
  const filters = parseAuditFilters(await searchParams);
  const page = await listAuditLog(user, filters);
  const base = { actie: filters.action, soort: filters.subjectType, onderwerp: filters.subjectId, door: filters.actor, van: filters.from, tot: filters.to };
  return (
    <Container>
      <h1 className="text-3xl font-bold text-brand-800">Auditlog</h1>
      <p className="mt-2">Wie deed wat, wanneer. Ook wie persoonsgegevens heeft bekeken. Dit overzicht kan niet worden gewijzigd.</p>
      <form method="get" aria-label="Filter het auditlog" className="mt-6 grid gap-4 rounded border-2 border-slate-300 p-4 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <label htmlFor="actie" className="block font-semibold">Actie</label>
          <select id="actie" name="actie" defaultValue={filters.action ?? ""} className={inputClass}>
            {ACTIONS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="door" className="block font-semibold">Door (e-mailadres)</label>
          <input id="door" name="door" type="search" maxLength={100} defaultValue={filters.actor ?? ""} className={inputClass} />
        </div>
        <div>
          <label htmlFor="van" className="block font-semibold">Vanaf</label>
          <input id="van" name="van" type="date" defaultValue={filters.from ?? ""} className={inputClass} />
        </div>
        <div>
          <label htmlFor="tot" className="block font-semibold">Tot en met</label>
          <input id="tot" name="tot" type="date" defaultValue={filters.to ?? ""} className={inputClass} />
        </div>
        <div className="flex items-end gap-4">
          <button type="submit" className="min-h-11 rounded border-2 border-brand-700 bg-brand-700 px-5 py-2 font-semibold text-white">Filter</button>
          <Link href="/beheer/audit">Wis filters</Link>
        </div>
      </form>
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
      <Pager isFirst={!filters.cursor} firstHref={`/beheer/audit${toQuery(base)}`} nextHref={page.nextCursor ? `/beheer/audit${toQuery({ ...base, na: page.nextCursor })}` : null} />
    </Container>
  );
}
