import type { PublicAreaSummary } from "@/lib/validation/public-api";
import { addressesLabel, formatPercentNl } from "./format";

/**
 * A simple bar chart of the wijken: the bar is the number of participating addresses, relative
 * to the wijk with the most. Every bar has its numbers written next to it (and the table on the
 * same page has them too), so nothing depends on seeing the bars.
 */
export function CoverageChart({ areas, titleId }: { areas: PublicAreaSummary[]; titleId: string }) {
  const largest = Math.max(0, ...areas.map((a) => a.participatingAddresses));
  return (
    <figure aria-labelledby={titleId} className="rounded-lg border-2 border-slate-200 p-4">
      <ul className="space-y-3">
        {areas.map((area) => {
          const share = largest > 0 ? (area.participatingAddresses / largest) * 100 : 0;
          return (
            <li key={area.slug} className="grid gap-1 sm:grid-cols-[11rem_1fr] sm:items-center sm:gap-3">
              <span className="font-semibold">{area.name}</span>
              <span className="flex items-center gap-3">
                {/* An SVG bar, not a style attribute: the Content-Security-Policy allows no inline styles. */}
                <span className="h-5 min-w-0 flex-1 rounded-sm border border-slate-500 bg-slate-100" aria-hidden="true">
                  <svg className="block h-full w-full" viewBox="0 0 100 1" preserveAspectRatio="none" focusable="false">
                    <rect x="0" y="0" width={share} height="1" className="fill-brand-600" />
                  </svg>
                </span>
                <span className="w-40 shrink-0 text-sm">
                  {addressesLabel(area.participatingAddresses)}
                  {area.coveragePercent !== null ? ` (${formatPercentNl(area.coveragePercent)})` : ""}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
      <figcaption className="mt-3 text-sm text-slate-700">
        De balk toont het aantal deelnemende adressen per wijk
        {largest > 0 ? `; de langste balk is ${addressesLabel(largest)}` : ""}. Tussen haakjes staat welk deel van
        alle adressen in de wijk meedoet, als de gemeente het totaal kent.
      </figcaption>
    </figure>
  );
}
