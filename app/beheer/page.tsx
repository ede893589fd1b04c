import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AreaMap } from "@/components/map/area-map";
import { BordsOnMapList, bordMarkers } from "@/components/map/bords-on-map";
import { CoverageChart } from "@/components/staff/coverage-chart";
import { days, formatNumber, statusLabel } from "@/components/staff/format";
import { MunicipalityPicker } from "@/components/staff/municipality-picker";
import { Container } from "@/components/ui/container";
import { Table } from "@/components/ui/table";
import { requirePagePermission } from "@/lib/auth";
import { getStaffMap } from "@/lib/data/staff/map";
import { getStaffOverview } from "@/lib/data/staff/overview";
import { getGapsAndOverlaps } from "@/lib/data/staff/gaps";
import { getEnv } from "@/lib/env";
import { first, type SearchParams } from "@/lib/validation/search-params";
import { listMunicipalitiesForStaff, resolveStaffMunicipality } from "@/lib/data/staff/scope";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Beheer" };

export default async function StaffOverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const user = await requirePagePermission("staff.view", routes.staff.home);
  const params = await searchParams;
  const municipality = await resolveStaffMunicipality(user, first(params, "gemeente"));
  if (!municipality) {
    return (
      <Container>
        <h1 className="text-3xl font-bold text-brand-800">Beheer</h1>
        <p className="mt-4">Er is nog geen gemeente ingesteld.</p>
      </Container>
    );
  }
  const [o, list, map, gaps] = await Promise.all([
    getStaffOverview(user, municipality.id),
    listMunicipalitiesForStaff(user),
    getStaffMap(user, municipality.id),
    getGapsAndOverlaps(user, municipality.id),
  ]);
  const issuesById = new Map(gaps.map((g) => [g.areaId, { overlapPairs: g.overlaps.length, gapPostcodes: g.uncoveredPostcodes.length }]));
  const issueText = (areaId: string) => {
    const i = issuesById.get(areaId);
    if (!i) return "";
    return `${i.overlapPairs > 0 ? `, ${i.overlapPairs} ${i.overlapPairs === 1 ? "paar groepen" : "paren groepen"} met dezelfde adressen` : ""}${i.gapPostcodes > 0 ? `, ${i.gapPostcodes} postcodes zonder groep` : ""}`;
  };
  const q = user.role === "platform_admin" ? `&gemeente=${municipality.id}` : "";
  const env = getEnv();
  const boundaryById = new Map(map.areas.map((a) => [a.areaId, a.boundary]));
  const hasMap = map.areas.some((a) => a.boundary !== null);
  return (
    <Container>
      <h1 className="text-3xl font-bold text-brand-800">Beheer: overzicht van {municipality.name}</h1>
      <MunicipalityPicker list={list} current={municipality.id} />

      <section aria-labelledby="aanvragen" className="mt-8">
        <h2 id="aanvragen" className="text-2xl font-bold">
          Open bordaanvragen
        </h2>
        <Table
          caption="Open bordaanvragen per status en hoe lang ze wachten"
          columns={[
            { label: "Status" },
            { label: "Totaal", numeric: true },
            { label: "Korter dan 7 dagen", numeric: true },
            { label: "7 tot 30 dagen", numeric: true },
            { label: "Langer dan 30 dagen", numeric: true },
            { label: "Oudste" },
          ]}
        >
          {o.openRequests.map((r) => (
            <tr key={r.status} className="border-b border-slate-300">
              <th scope="row" className="py-2 pr-4 font-normal">
                <Link href={`${routes.staff.bords}?status=${r.status}${q}`}>{statusLabel(r.status)}</Link>
              </th>
              <td className="py-2 pr-4 text-right tabular-nums">{r.total}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{r.under7}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{r.from7to30}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{r.over30}</td>
              <td className="py-2">{r.oldestDays === null ? "—" : days(r.oldestDays)}</td>
            </tr>
          ))}
        </Table>
      </section>

      <section aria-labelledby="cijfers" className="mt-8">
        <h2 id="cijfers" className="text-2xl font-bold">
          Groepen en adressen
        </h2>
        <dl className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {[
            ["Actieve groepen", o.activeGroups],
            ["Nieuw deze maand", o.groupsThisMonth],
            ["Nieuw dit jaar", o.groupsThisYear],
            ["Deelnemende adressen", o.participatingAddresses],
          ].map(([label, value]) => (
            <div key={label as string} className="rounded border-2 border-slate-300 p-4">
              <dt>{label}</dt>
              <dd className="text-3xl font-bold tabular-nums">{formatNumber(value as number)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="dekking" className="mt-8">
        <h2 id="dekking" className="text-2xl font-bold">
          Dekking per wijk
        </h2>
        <Table
          caption="Groepen, deelnemende adressen en dekking per wijk"
          columns={[
            { label: "Wijk" },
            { label: "Groepen", numeric: true },
            { label: "Deelnemende adressen", numeric: true },
            { label: "Adressen in de wijk", numeric: true },
            { label: "Dekking", numeric: true },
          ]}
        >
          {o.coverage.map((c) => (
            <tr key={c.areaId} className="border-b border-slate-300">
              <th scope="row" className="py-2 pr-4 font-normal">{c.name}</th>
              <td className="py-2 pr-4 text-right tabular-nums">{c.groups}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatNumber(c.participatingAddresses)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{c.totalAddresses === null ? "onbekend" : formatNumber(c.totalAddresses)}</td>
              <td className="py-2 text-right tabular-nums">{c.percentage === null ? "—" : `${c.percentage.toLocaleString("nl-NL")}%`}</td>
            </tr>
          ))}
        </Table>
        <CoverageChart coverage={o.coverage} />
      </section>

      {hasMap ? (
        <section aria-labelledby="kaart" className="mt-8">
          <h2 id="kaart" className="text-2xl font-bold">
            Kaart: dekking en borden
          </h2>
          <p className="mt-2 text-slate-700">
            Klik op een wijk voor haar groepen, op een bord voor de aanvraag. De cijfers staan ook in de tabel Dekking per wijk
            hierboven, gaten en overlap in de tabel hieronder; de borden in de lijst hieronder.
          </p>
          <div className="mt-3">
            <AreaMap
              titleId="kaart"
              mode="coverage"
              shapes={o.coverage.map((c) => ({
                id: c.areaId,
                name: c.name,
                href: `${routes.staff.groups}?wijk=${c.areaId}${q}`,
                boundary: boundaryById.get(c.areaId) ?? null,
                coveragePercent: c.percentage,
                accessibleName: `${c.name}: ${c.percentage === null ? "dekking onbekend" : `${c.percentage.toLocaleString("nl-NL")}% doet mee`}, ${c.groups} ${c.groups === 1 ? "groep" : "groepen"}${issueText(c.areaId)}`,
                issues: issuesById.get(c.areaId),
              }))}
              markers={bordMarkers(map.bords, routes.staff.bord)}
              tiles={env.MAP_TILES_URL ? { url: env.MAP_TILES_URL, attribution: env.MAP_TILES_ATTRIBUTION } : undefined}
            />
          </div>
          <BordsOnMapList bords={map.bords} hrefFor={routes.staff.bord} />
        </section>
      ) : null}

      <section aria-labelledby="gaten-overlap" className="mt-8">
        <h2 id="gaten-overlap" className="text-2xl font-bold">
          Gaten en overlap per wijk
        </h2>
        <p className="mt-2 text-slate-700">
          Overlap: groepen die dezelfde adressen hebben. Een gedeeld adres telt voor een bord maar bij één groep.{" "}
          <Link href={`${routes.staff.areas}${q ? `?${q.slice(1)}` : ""}#gaten`}>Bekijk de paren en kies voor welke groep ze tellen</Link>.
        </p>
        <Table
          caption="Postcodes zonder groep en groepen met dezelfde adressen, per wijk"
          columns={[
            { label: "Wijk" },
            { label: "Postcodes zonder groep", numeric: true },
            { label: "Paren groepen met overlap", numeric: true },
            { label: "Gedeelde adressen", numeric: true },
          ]}
        >
          {gaps.map((g) => (
            <tr key={g.areaId} className="border-b border-slate-300">
              <th scope="row" className="py-2 pr-4 font-normal">{g.name}</th>
              <td className="py-2 pr-4 text-right tabular-nums">{g.uncoveredPostcodes.length}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{g.overlaps.length}</td>
              <td className="py-2 text-right tabular-nums">{formatNumber(g.overlaps.reduce((n, p) => n + p.sharedAddresses, 0))}</td>
            </tr>
          ))}
        </Table>
      </section>

      <div className="mt-8 grid gap-8 md:grid-cols-2">
        <section aria-labelledby="een-beheerder">
          <h2 id="een-beheerder" className="text-2xl font-bold">
            Groepen met één beheerder ({o.singleAdminCount})
          </h2>
          <p className="mt-2 text-slate-700">Deze groepen hangen van één persoon af. Vraag of iemand mee wil helpen.</p>
          <GroupList groups={o.singleAdminGroups} more={o.singleAdminCount} />
        </section>
        <section aria-labelledby="niet-bevestigd">
          <h2 id="niet-bevestigd" className="text-2xl font-bold">
            Niet bevestigd ({o.unconfirmedCount})
          </h2>
          <p className="mt-2 text-slate-700">
            De beheerders hebben de jaarcontrole na 30 dagen niet beantwoord. <Link href={`${routes.staff.yearlyCheck}${q ? `?${q.slice(1)}` : ""}`}>Naar de jaarcontrole</Link>
          </p>
          <GroupList groups={o.unconfirmedGroups} more={o.unconfirmedCount} />
        </section>
      </div>
    </Container>
  );
}

function GroupList({ groups, more }: { groups: Array<{ id: string; name: string; areaName: string }>; more: number }) {
  if (groups.length === 0) return <p className="mt-2">Geen.</p>;
  return (
    <>
      <ul className="mt-2 list-disc pl-6">
        {groups.map((g) => (
          <li key={g.id}>
            <Link href={routes.staff.group(g.id)}>{g.name}</Link> ({g.areaName})
          </li>
        ))}
      </ul>
      {more > groups.length ? <p className="mt-2">En nog {more - groups.length} andere.</p> : null}
    </>
  );
}
