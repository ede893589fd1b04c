/**
 * A map of wijken drawn on the server as SVG: no script, no tile server needed. Wijk outlines
 * are projected from WGS84 onto the SVG (Web Mercator, lib/domain/geo.ts); in "coverage" mode
 * each wijk is filled by its share of participating addresses (a choropleth with a legend, the
 * percentage also written on the map, so colour is never the only signal) and is a link with an
 * accessible name. Bords are markers: a circle for a placed bord, a triangle for a request.
 * With a tiles URL (MAP_TILES_URL) the background map is drawn behind it as SVG images.
 * The page keeps a table with the same figures: the equivalent for screen readers.
 */
import {
  boundsOf,
  fitProjection,
  labelPoint,
  labelPosition,
  svgPath,
  tilesFor,
  type BoundaryGeometry,
  type Position,
} from "@/lib/domain/geo";
import { formatPercentNl } from "@/components/public/format";

export interface MapShape {
  id: string;
  name: string;
  /** Where the wijk links to; no link when absent. */
  href?: string;
  boundary: BoundaryGeometry | null;
  coveragePercent: number | null;
  /** What a screen reader says for the link, e.g. "Langeland: 2,2% van de adressen doet mee". */
  accessibleName: string;
  /**
   * Staff maps: groups of the wijk that list the same addresses (pairs) and postcodes without a
   * group. A wijk with overlap gets a dashed red outline; both are written under its name.
   */
  issues?: { overlapPairs: number; gapPostcodes: number };
}

export interface MapMarker {
  id: string;
  longitude: number;
  latitude: number;
  /** Said by screen readers and shown as a tooltip, e.g. "Bord geplaatst: Lansinghlaan". */
  label: string;
  status: "placed" | "open";
  href?: string;
}

export interface MapTiles {
  url: string;
  attribution: string;
}

/** The classes of the choropleth: upper bound (exclusive) in percent, fill, and legend text. */
export const COVERAGE_CLASSES = [
  { below: 0.000001, fill: "#f8fafc", label: "0%" },
  { below: 1, fill: "#d6e4f2", label: "minder dan 1%" },
  { below: 5, fill: "#8fb5db", label: "1% tot 5%" },
  { below: 15, fill: "#4a86c0", label: "5% tot 15%" },
  { below: Infinity, fill: "#1f5a96", label: "15% of meer" },
] as const;
const UNKNOWN_FILL = "url(#map-unknown)";

export function coverageClass(percent: number | null) {
  if (percent === null) return null;
  return COVERAGE_CLASSES.find((c) => percent < c.below) ?? COVERAGE_CLASSES[COVERAGE_CLASSES.length - 1];
}

const WIDTH = 640;

function tileUrl(template: string, z: number, x: number, y: number) {
  return template.replace("{z}", String(z)).replace("{x}", String(x)).replace("{y}", String(y));
}

export function AreaMap({
  titleId,
  shapes,
  markers = [],
  mode,
  tiles,
  description,
}: {
  /** Id of the heading that names the map. */
  titleId: string;
  shapes: MapShape[];
  markers?: MapMarker[];
  /** "coverage": choropleth with a legend; "outline": the wijk outlined, markers on it. */
  mode: "coverage" | "outline";
  tiles?: MapTiles;
  /** Text under the map (what it shows, where the same figures are as text). */
  description?: string;
}) {
  const drawable = shapes.filter((s): s is MapShape & { boundary: BoundaryGeometry } => s.boundary !== null);
  const points: Position[] = markers.map((m) => [m.longitude, m.latitude]);
  const bounds = boundsOf(
    drawable.map((s) => s.boundary),
    drawable.length === 0 ? points : [],
  );
  if (!bounds) return null;
  const projection = fitProjection(bounds, WIDTH, 12);
  const backgroundTiles = tiles ? tilesFor(projection) : [];
  const markerPoints = points.map((p) => projection.project(p));
  const interactive = drawable.some((s) => s.href) || markers.some((m) => m.href);
  const missing = shapes.filter((s) => s.boundary === null);

  return (
    <figure aria-labelledby={titleId} className="rounded-lg border-2 border-slate-200 p-3">
      <svg
        viewBox={`0 0 ${projection.width} ${projection.height}`}
        className="block h-auto w-full"
        // With links inside, the SVG is a group of links; without, one image named by the heading.
        role={interactive ? "group" : "img"}
        aria-labelledby={titleId}
        focusable="false"
      >
        <defs>
          <pattern id="map-unknown" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" fill="#f1f5f9" />
            <line x1="0" y1="0" x2="0" y2="8" stroke="#94a3b8" strokeWidth="2" />
          </pattern>
        </defs>
        {backgroundTiles.length > 0 ? (
          <g aria-hidden="true">
            {backgroundTiles.map((t) => (
              <image
                key={`${t.z}-${t.x}-${t.y}`}
                href={tileUrl(tiles!.url, t.z, t.x, t.y)}
                x={Math.round(t.left * 10) / 10}
                y={Math.round(t.top * 10) / 10}
                width={Math.round(t.size * 10) / 10 + 0.5}
                height={Math.round(t.size * 10) / 10 + 0.5}
                preserveAspectRatio="none"
              />
            ))}
          </g>
        ) : null}
        {drawable.map((shape) => {
          const cls = coverageClass(shape.coveragePercent);
          const fill = mode === "outline" ? "#eef4fa" : cls ? cls.fill : UNKNOWN_FILL;
          const path = (
            <path
              d={svgPath(shape.boundary, projection)}
              fill={fill}
              fillOpacity={backgroundTiles.length > 0 ? (mode === "outline" ? 0.25 : 0.7) : 1}
              fillRule="evenodd"
              stroke={mode === "outline" ? "#0f3158" : "#334155"}
              strokeWidth={mode === "outline" ? 3 : 1.5}
              strokeLinejoin="round"
              className="map-shape"
            />
          );
          const overlapOutline =
            shape.issues && shape.issues.overlapPairs > 0 ? (
              <path
                d={svgPath(shape.boundary, projection)}
                fill="none"
                stroke="#b91c1c"
                strokeWidth="4"
                strokeDasharray="10 6"
                strokeLinejoin="round"
                pointerEvents="none"
              />
            ) : null;
          return shape.href ? (
            <a key={shape.id} href={shape.href} aria-label={shape.accessibleName} className="map-link">
              <title>{shape.accessibleName}</title>
              {path}
              {overlapOutline}
            </a>
          ) : (
            <g key={shape.id}>
              {path}
              {overlapOutline}
            </g>
          );
        })}
        {mode === "coverage" || drawable.length > 1
          ? drawable.map((shape) => {
              const lines = [
                shape.name,
                mode === "coverage" ? (shape.coveragePercent === null ? "onbekend" : formatPercentNl(shape.coveragePercent)) : null,
                shape.issues && shape.issues.overlapPairs > 0 ? `overlap: ${shape.issues.overlapPairs}` : null,
                shape.issues && shape.issues.gapPostcodes > 0 ? `${shape.issues.gapPostcodes} zonder groep` : null,
              ].filter((line): line is string => line !== null);
              // A bord marker on top of the label would hide the wijk's name: the label moves below it.
              const [x, y] = labelPosition(projection.project(labelPoint(shape.boundary)), lines, markerPoints, { fontSize: 15, markerRadius: 12 });
              return (
                <text
                  key={`label-${shape.id}`}
                  x={x}
                  y={y}
                  textAnchor="middle"
                  aria-hidden="true"
                  className="map-label"
                  fontSize="15"
                >
                  <tspan x={x} dy="-0.2em" fontWeight="700">
                    {shape.name}
                  </tspan>
                  {mode === "coverage" ? (
                    <tspan x={x} dy="1.2em">
                      {shape.coveragePercent === null ? "onbekend" : formatPercentNl(shape.coveragePercent)}
                    </tspan>
                  ) : null}
                  {shape.issues && shape.issues.overlapPairs > 0 ? (
                    <tspan x={x} dy="1.2em" fill="#991b1b" fontWeight="700">
                      {`overlap: ${shape.issues.overlapPairs}`}
                    </tspan>
                  ) : null}
                  {shape.issues && shape.issues.gapPostcodes > 0 ? (
                    <tspan x={x} dy="1.2em">{`${shape.issues.gapPostcodes} zonder groep`}</tspan>
                  ) : null}
                </text>
              );
            })
          : null}
        {markers.map((marker, i) => {
          const [x, y] = markerPoints[i];
          const symbol =
            marker.status === "placed" ? (
              <circle cx={x} cy={y} r="9" fill="#166534" stroke="#ffffff" strokeWidth="3" />
            ) : (
              <path d={`M${x} ${y - 11}L${x + 10} ${y + 7}L${x - 10} ${y + 7}Z`} fill="#9a3412" stroke="#ffffff" strokeWidth="3" strokeLinejoin="round" />
            );
          return marker.href ? (
            <a key={marker.id} href={marker.href} aria-label={marker.label} className="map-link">
              <title>{marker.label}</title>
              {symbol}
            </a>
          ) : (
            <g key={marker.id} aria-hidden={interactive ? "true" : undefined}>
              <title>{marker.label}</title>
              {symbol}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-3 space-y-2 text-sm text-slate-700">
        {mode === "coverage" ? <CoverageLegend showUnknown={shapes.some((s) => s.coveragePercent === null)} /> : null}
        {markers.length > 0 ? <MarkerLegend markers={markers} /> : null}
        {shapes.some((s) => s.issues) ? <IssueLegend /> : null}
        {description ? <p>{description}</p> : null}
        {missing.length > 0 ? (
          <p>Nog niet op de kaart (geen grens ingelezen): {missing.map((s) => s.name).join(", ")}.</p>
        ) : null}
        {backgroundTiles.length > 0 ? <p>{tiles!.attribution}</p> : null}
      </figcaption>
    </figure>
  );
}

function Swatch({ fill }: { fill: string }) {
  return (
    <svg viewBox="0 0 20 14" className="inline-block h-3.5 w-5 shrink-0 align-[-2px]" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="19" height="13" fill={fill} stroke="#334155" />
    </svg>
  );
}

function CoverageLegend({ showUnknown }: { showUnknown: boolean }) {
  return (
    <div>
      <p className="font-semibold text-slate-900">Deel van de adressen dat meedoet</p>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {COVERAGE_CLASSES.map((c) => (
          <li key={c.label} className="flex items-center gap-1.5">
            <Swatch fill={c.fill} />
            {c.label}
          </li>
        ))}
        {showUnknown ? (
          <li className="flex items-center gap-1.5">
            <svg viewBox="0 0 20 14" className="inline-block h-3.5 w-5" aria-hidden="true" focusable="false">
              <rect x="0.5" y="0.5" width="19" height="13" fill="#f1f5f9" stroke="#334155" />
              <path d="M0 14L14 0M6 14L20 0" stroke="#94a3b8" strokeWidth="2" />
            </svg>
            onbekend (aantal adressen niet ingevuld)
          </li>
        ) : null}
      </ul>
    </div>
  );
}

function MarkerLegend({ markers }: { markers: MapMarker[] }) {
  const hasOpen = markers.some((m) => m.status === "open");
  const hasPlaced = markers.some((m) => m.status === "placed");
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1">
      {hasPlaced ? (
        <li className="flex items-center gap-1.5">
          <svg viewBox="0 0 20 20" className="inline-block h-4 w-4" aria-hidden="true" focusable="false">
            <circle cx="10" cy="10" r="7" fill="#166534" stroke="#ffffff" strokeWidth="2" />
          </svg>
          bord geplaatst
        </li>
      ) : null}
      {hasOpen ? (
        <li className="flex items-center gap-1.5">
          <svg viewBox="0 0 20 20" className="inline-block h-4 w-4" aria-hidden="true" focusable="false">
            <path d="M10 2L18 17L2 17Z" fill="#9a3412" stroke="#ffffff" strokeWidth="2" />
          </svg>
          bord aangevraagd
        </li>
      ) : null}
    </ul>
  );
}

function IssueLegend() {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1">
      <li className="flex items-center gap-1.5">
        <svg viewBox="0 0 28 14" className="inline-block h-3.5 w-7" aria-hidden="true" focusable="false">
          <path d="M1 7H27" stroke="#b91c1c" strokeWidth="4" strokeDasharray="7 4" />
        </svg>
        rode stippellijn en &quot;overlap: n&quot;: zoveel paren groepen in de wijk hebben dezelfde adressen
      </li>
      <li>&quot;n zonder groep&quot;: postcodes van de wijk waar geen groep een adres heeft</li>
    </ul>
  );
}
