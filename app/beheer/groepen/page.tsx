import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { formatDate, formatNumber, statusLabel } from "@/components/staff/format";
import { FilterForm, FilterInput, FilterSelect, ListPager } from "@/components/staff/list-controls";
import { Container } from "@/components/ui/container";
import { Table } from "@/components/ui/table";
import { requirePagePermission } from "@/lib/auth";
import { listAreasForStaff } from "@/lib/data/staff/areas";
import { listGroupsForStaff } from "@/lib/data/staff/groups";
import { parseGroupFilters } from "@/lib/validation/group-filters";
import { toQuery, type SearchParams } from "@/lib/validation/search-params";
import { BORD_REQUEST_STATUSES, UNCONFIRMED_STAGES } from "@/lib/domain";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Groepen" };

export default async function StaffGroupsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const user = await requirePagePermission("group.view_all", routes.staff.groups);
  const filters = parseGroupFilters(await searchParams);
  const [page, wijken] = await Promise.all([
    listGroupsForStaff(user, filters),
    listAreasForStaff(user, filters.municipalityId).catch(() => null),
  ]);
  const base = {
    wijk: filters.areaId,
    status: filters.status === "active" ? undefined : filters.status,
    bord: filters.bord,
    controle: filters.check,
    vanaf: filters.minAddresses,
    tot: filters.maxAddresses,
    zoek: filters.q,
    gemeente: filters.municipalityId,
    sorteer: filters.sort === "naam" ? undefined : filters.sort,
  };
  return (
    <Container>
      <h1 className="text-3xl font-bold text-brand-800">Groepen</h1>
      <FilterForm label="Filter de groepen" clearHref={routes.staff.groups} columns={4}>
        <FilterInput name="zoek" label="Zoek op naam" type="search" maxLength={100} defaultValue={filters.q} />
        <FilterSelect
          name="wijk"
          label="Wijk"
          defaultValue={filters.areaId ?? ""}
          options={[["", "Alle wijken"], ...(wijken?.areas ?? []).map((a) => [a.id, a.name] as const)]}
        />
        <FilterSelect
          name="status"
          label="Status"
          defaultValue={filters.status}
          options={[["active", "Actief"], ["dissolved", "Opgeheven"], ["alle", "Alle"]]}
        />
        <FilterSelect
          name="bord"
          label="Bord"
          defaultValue={filters.bord ?? ""}
          options={[["", "Alle"], ["geen", "Nooit aangevraagd"], ...BORD_REQUEST_STATUSES.map((s) => [s, statusLabel(s)] as const)]}
        />
        <FilterSelect
          name="controle"
          label="Jaarcontrole"
          defaultValue={filters.check ?? ""}
          options={[["", "Alle"], ["niet-bevestigd", "Niet bevestigd"], ["loopt", "Loopt nu"]]}
        />
        <FilterInput name="vanaf" label="Minstens … adressen" inputMode="numeric" defaultValue={filters.minAddresses} />
        <FilterInput name="tot" label="Hooguit … adressen" inputMode="numeric" defaultValue={filters.maxAddresses} />
        <FilterSelect name="sorteer" label="Volgorde" defaultValue={filters.sort} options={[["naam", "Op naam"], ["nieuwste", "Nieuwste eerst"]]} />
      </FilterForm>

      <div className="mt-6 flex flex-wrap items-center justify-between gap-4">
        <p role="status">{page.total === 1 ? "1 groep gevonden." : `${formatNumber(page.total)} groepen gevonden.`}</p>
        <a href={`${routes.staff.groupsExport}${toQuery({ ...base, sorteer: undefined })}`} className="font-semibold" download>
          Download als CSV (voor Excel)
        </a>
        <a href={`${routes.staff.groupsExport}${toQuery({ ...base, sorteer: undefined, formaat: "wabp" })}`} className="font-semibold" download>
          Download voor wabp.nl (CSV)
        </a>
      </div>
      {page.items.length > 0 ? (
        <Table
          caption="Groepen"
          columns={[
            { label: "Naam" },
            { label: "Wijk" },
            { label: "Adressen", numeric: true },
            { label: "Beheerders", numeric: true },
            { label: "Bord" },
            { label: "Sinds" },
          ]}
        >
          {page.items.map((g) => (
            <tr key={g.id} className="border-b border-slate-300">
              <th scope="row" className="py-2 pr-4 font-normal">
                <Link href={routes.staff.group(g.id)}>{g.name}</Link>
                {g.status === "dissolved" ? <span className="ml-2 text-sm">(opgeheven)</span> : null}
                {g.checkStage && UNCONFIRMED_STAGES.includes(g.checkStage) ? (
                  <span className="ml-2 inline-block rounded border border-amber-700 bg-amber-50 px-1 text-sm font-semibold text-amber-900">niet bevestigd</span>
                ) : null}
                {user.role === "platform_admin" ? <span className="block text-sm text-slate-700">{g.municipalityName}</span> : null}
              </th>
              <td className="py-2 pr-4">{g.areaName}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatNumber(g.addressCount)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">
                {g.adminCount}
                {g.adminCount < 2 ? <span className="sr-only"> (weinig)</span> : null}
                {g.adminCount < 2 ? <span aria-hidden="true"> ⚠</span> : null}
              </td>
              <td className="py-2 pr-4">{statusLabel(g.bordStatus)}</td>
              <td className="py-2">{formatDate(g.createdAt)}</td>
            </tr>
          ))}
        </Table>
      ) : null}
      <ListPager path={routes.staff.groups} query={base} cursor={filters.cursor} nextCursor={page.nextCursor} />
    </Container>
  );
}
