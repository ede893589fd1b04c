import { PageLink } from "@/components/ui/page-link";
import type { PublicAreaSummary } from "@/lib/validation/public-api";
import { routes } from "@/lib/routes";
import { formatNumberNl, formatPercentNl } from "./format";

/** The wijken as a table: groups, participating addresses, all addresses and coverage. */
export function AreaTable({ areas, captionId }: { areas: PublicAreaSummary[]; captionId: string }) {
  return (
    // Scrolls sideways on a narrow screen; focusable so a keyboard can scroll it too.
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table aria-labelledby={captionId} className="w-full min-w-[36rem] border-collapse text-left">
        <thead>
          <tr className="border-b-2 border-slate-600">
            <th scope="col" className="py-2 pr-4">
              Wijk
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              Groepen
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              Deelnemende adressen
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              Adressen in de wijk
            </th>
            <th scope="col" className="py-2 text-right">
              Dekking
            </th>
          </tr>
        </thead>
        <tbody>
          {areas.map((area) => (
            <tr key={area.slug} className="border-b border-slate-300">
              <th scope="row" className="py-2 pr-4 font-normal">
                <PageLink href={routes.area(area.slug)}>{area.name}</PageLink>
              </th>
              <td className="py-2 pr-4 text-right">{formatNumberNl(area.groupCount)}</td>
              <td className="py-2 pr-4 text-right">{formatNumberNl(area.participatingAddresses)}</td>
              <td className="py-2 pr-4 text-right">{area.totalAddresses !== null ? formatNumberNl(area.totalAddresses) : "onbekend"}</td>
              <td className="py-2 text-right">{area.coveragePercent !== null ? formatPercentNl(area.coveragePercent) : "onbekend"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
