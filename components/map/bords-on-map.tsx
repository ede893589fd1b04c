import Link from "next/link";
import type { MapMarker } from "@/components/map/area-map";

/** A bord (placed or requested) as the staff and wijkagent maps get it from lib/data. */
export interface MapBord {
  id: string;
  groupName: string;
  street: string;
  status: "placed" | "open";
  latitude: number;
  longitude: number;
}

/** The bords as map markers; each links to `hrefFor(id)` when given, else the marker is no link. */
export function bordMarkers(bords: MapBord[], hrefFor?: (id: string) => string): MapMarker[] {
  return bords.map((b) => ({
    id: b.id,
    longitude: b.longitude,
    latitude: b.latitude,
    status: b.status,
    href: hrefFor?.(b.id),
    label: `${b.status === "placed" ? "Bord geplaatst" : "Bord aangevraagd"}: ${b.street} (${b.groupName})`,
  }));
}

/**
 * The list under a map of the bords on it (the text equivalent of the markers), nothing when
 * there are none. With `hrefFor` each bord's street links to it, as its marker does.
 */
export function BordsOnMapList({ bords, hrefFor }: { bords: MapBord[]; hrefFor?: (id: string) => string }) {
  if (bords.length === 0) return null;
  return (
    <>
      <h3 className="mt-4 text-lg font-bold">Borden op de kaart</h3>
      <ul className="mt-1 list-disc pl-6">
        {bords.map((b) => (
          <li key={b.id}>
            {hrefFor ? (
              <>
                <Link href={hrefFor(b.id)}>
                  {b.status === "placed" ? "Geplaatst" : "Aangevraagd"}: {b.street}
                </Link>{" "}
                ({b.groupName})
              </>
            ) : (
              <>
                {b.status === "placed" ? "Geplaatst" : "Aangevraagd"}: {b.street} ({b.groupName})
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
