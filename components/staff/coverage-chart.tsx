import type { AreaCoverage } from "@/lib/data/staff/overview";
import { formatNumber } from "./format";

/**
 * Coverage per wijk as horizontal bars. Each bar carries its figure as text, so the chart does
 * not depend on colour or on seeing the bar length; the table next to it has the same data.
 */
export function CoverageChart({ coverage }: { coverage: AreaCoverage[] }) {
  return (
    <figure aria-labelledby="dekking-grafiek-titel" className="mt-4">
      <figcaption id="dekking-grafiek-titel" className="font-semibold">
        Grafiek: deel van de adressen dat meedoet, per wijk
      </figcaption>
      <ul className="mt-3 space-y-3">
        {coverage.map((c) => {
          const pct = c.percentage ?? 0;
          return (
            <li key={c.areaId} className="grid grid-cols-[minmax(7rem,10rem)_1fr] items-center gap-3">
              <span>{c.name}</span>
              <span className="flex items-center gap-2">
                <span className="block h-5 min-w-0 flex-1 overflow-hidden rounded bg-slate-200" aria-hidden="true">
                  {/* An SVG bar, not a style attribute: the Content-Security-Policy allows no inline styles. */}
                  <svg className="block h-full w-full" viewBox="0 0 100 1" preserveAspectRatio="none" focusable="false">
                    <rect x="0" y="0" width={Math.min(100, pct)} height="1" className="fill-brand-700" />
                  </svg>
                </span>
                <span className="w-28 shrink-0 text-right tabular-nums">
                  {c.percentage === null ? "onbekend" : `${c.percentage.toLocaleString("nl-NL")}%`}
                  <span className="sr-only"> ({formatNumber(c.participatingAddresses)} adressen)</span>
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
