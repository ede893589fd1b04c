import type { Metadata } from "next";
import { connection } from "next/server";
import { WijkagentGroupCard } from "@/components/wijkagent/group-card";
import { Container } from "@/components/ui/container";
import { requirePagePermission } from "@/lib/auth";
import { AreaMap } from "@/components/map/area-map";
import { BordsOnMapList, bordMarkers } from "@/components/map/bords-on-map";
import { getWijkagentMap } from "@/lib/data/wijkagent/map";
import { getWijkagentOverview } from "@/lib/data/wijkagent/groups";
import { getEnv } from "@/lib/env";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Mijn wijken" };

/** The wijkagent's groups, per wijk, read-only. Viewing the admins' details is audited. */
export default async function WijkagentHomePage() {
  await connection();
  const user = await requirePagePermission("wijkagent.view", routes.wijkagent.home);
  const [overview, map] = await Promise.all([getWijkagentOverview(user), getWijkagentMap(user)]);
  const env = getEnv();
  const hasMap = map.areas.some((a) => a.boundary !== null);
  return (
    <Container>
      <h1 className="text-3xl font-bold text-brand-800">Mijn wijken</h1>
      <p className="mt-2">
        {overview.areas.length === 0
          ? "U bent nog niet aan een wijk gekoppeld. Vraag de gemeente om u als wijkagent bij uw wijken te zetten."
          : `Buurtpreventiegroepen in ${overview.areas.map((a) => a.name).join(" en ")}.`}
      </p>
      <p className="mt-2 text-sm text-slate-700">U ziet hier telefoonnummers van beheerders. Dat wordt vastgelegd in het auditlog.</p>
      {overview.groups.length > 0 ? (
        <p className="mt-4">
          <a href={routes.wijkagent.export} download className="font-semibold">Download als CSV (voor Excel)</a>
        </p>
      ) : null}
      {hasMap ? (
        <section aria-labelledby="kaart" className="mt-8">
          <h2 id="kaart" className="text-2xl font-bold">
            Kaart van mijn wijken
          </h2>
          <div className="mt-3 max-w-3xl">
            <AreaMap
              titleId="kaart"
              mode="outline"
              shapes={map.areas.map((a) => ({
                id: a.areaId,
                name: a.name,
                href: `#wijk-${a.areaId}`,
                boundary: a.boundary,
                coveragePercent: null,
                accessibleName: `${a.name}: naar de groepen in deze wijk`,
              }))}
              markers={bordMarkers(map.bords)}
              tiles={env.MAP_TILES_URL ? { url: env.MAP_TILES_URL, attribution: env.MAP_TILES_ATTRIBUTION } : undefined}
            />
          </div>
          <BordsOnMapList bords={map.bords} />
        </section>
      ) : null}
      {overview.areas.map((area) => {
        const list = overview.groups.filter((g) => g.areaName === area.name);
        return (
          <section key={area.id} aria-labelledby={`wijk-${area.id}`} className="mt-8">
            <h2 id={`wijk-${area.id}`} className="text-2xl font-bold">{area.name} ({list.length} {list.length === 1 ? "groep" : "groepen"})</h2>
            {list.length === 0 ? <p className="mt-2">Nog geen groepen in deze wijk.</p> : (
              <div className="mt-3 grid gap-4 md:grid-cols-2">
                {list.map((g) => <WijkagentGroupCard key={g.id} group={g} />)}
              </div>
            )}
          </section>
        );
      })}
    </Container>
  );
}
