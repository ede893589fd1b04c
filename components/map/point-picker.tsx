"use client";

import { useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import type { PickerMap } from "./picker-map";

/** Degrees → Web Mercator world units (0..1) and back; the same formulas as lib/domain/geo.ts. */
function toWorld(lat: number, lng: number): [number, number] {
  const s = Math.sin((lat * Math.PI) / 180);
  return [(lng + 180) / 360, 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)];
}
function fromWorld(x: number, y: number): { lat: number; lng: number } {
  const n = Math.PI - 2 * Math.PI * y;
  return { lat: (180 / Math.PI) * Math.atan(Math.sinh(n)), lng: x * 360 - 180 };
}

/** A typed coordinate ("51,9167" or "51.9167") as a number; NaN when it is not one. */
export function readCoordinate(text: string): number {
  const t = text.trim();
  return /^-?\d{1,3}(?:[.,]\d{1,12})?$/.test(t) ? Number(t.replace(",", ".")) : Number.NaN;
}

/** How a picked coordinate is written in the fields: six decimals (about 10 cm), Dutch comma. */
export function writeCoordinate(value: number): string {
  return value.toFixed(6).replace(".", ",");
}

/** SVG units one arrow key press moves the marker (with Shift: a finer step). */
const STEP = 12;
const FINE_STEP = 2;

/**
 * The wijk drawn as SVG; a click (or a drag) puts the marker there, the arrow keys move it,
 * Enter or Space puts it in the middle of the wijk. The chosen point is said in a live region
 * below the map. The coordinate fields of the form (inside a <details>) stay the other way in.
 */
export function PointPicker({
  map,
  lat,
  lng,
  onPick,
  labelId,
  instructionsId,
}: {
  map: PickerMap;
  lat: string;
  lng: string;
  onPick: (lat: string, lng: string) => void;
  labelId: string;
  instructionsId: string;
}) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [dragging, setDragging] = useState(false);
  const latNumber = readCoordinate(lat);
  const lngNumber = readCoordinate(lng);
  const has = Number.isFinite(latNumber) && Number.isFinite(lngNumber);
  const [wx, wy] = has ? toWorld(latNumber, lngNumber) : [0, 0];
  const marker = has ? { x: (wx - map.originX) * map.scale, y: (wy - map.originY) * map.scale } : null;
  const visible = marker !== null && marker.x >= 0 && marker.y >= 0 && marker.x <= map.width && marker.y <= map.height;

  const pickAt = (x: number, y: number) => {
    const cx = Math.min(Math.max(x, 0), map.width);
    const cy = Math.min(Math.max(y, 0), map.height);
    const point = fromWorld(cx / map.scale + map.originX, cy / map.scale + map.originY);
    onPick(writeCoordinate(point.lat), writeCoordinate(point.lng));
  };

  const svgPoint = (event: PointerEvent<SVGSVGElement>): [number, number] | null => {
    const svg = svgRef.current;
    const matrix = svg?.getScreenCTM();
    if (!svg || !matrix) return null;
    const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return [p.x, p.y];
  };

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    const p = svgPoint(event);
    if (!p) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    setDragging(true);
    pickAt(p[0], p[1]);
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (!dragging) return;
    const p = svgPoint(event);
    if (p) pickAt(p[0], p[1]);
  };
  const onPointerUp = () => setDragging(false);

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const step = event.shiftKey ? FINE_STEP : STEP;
    const moves: Record<string, [number, number]> = { ArrowUp: [0, -step], ArrowDown: [0, step], ArrowLeft: [-step, 0], ArrowRight: [step, 0] };
    if (event.key in moves || event.key === "Enter" || event.key === " ") event.preventDefault();
    if (event.key === "Enter" || event.key === " " || (event.key in moves && !visible)) {
      if (!visible) {
        const [cx, cy] = toWorld(map.centre.lat, map.centre.lng);
        pickAt((cx - map.originX) * map.scale, (cy - map.originY) * map.scale);
      }
      return;
    }
    const move = moves[event.key];
    if (move && marker) pickAt(marker.x + move[0], marker.y + move[1]);
  };

  return (
    <div>
      <svg
        ref={svgRef}
        viewBox={`0 0 ${map.width} ${map.height}`}
        className="block h-auto w-full touch-none cursor-crosshair rounded border-2 border-slate-600 bg-slate-50 focus:outline-4 focus:outline-offset-2 focus:outline-brand-700"
        role="application"
        aria-labelledby={labelId}
        aria-describedby={instructionsId}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
      >
        {map.tiles.map((t) => (
          <image key={t.href} href={t.href} x={t.x} y={t.y} width={t.size} height={t.size} preserveAspectRatio="none" aria-hidden="true" />
        ))}
        <path d={map.outline} fill="#dbe7f3" fillOpacity={map.tiles.length > 0 ? 0.25 : 1} fillRule="evenodd" stroke="#0f3158" strokeWidth="3" strokeLinejoin="round" />
        {visible && marker ? (
          <g aria-hidden="true" pointerEvents="none">
            <path
              d={`M${marker.x} ${marker.y}c-3-9-13-15-13-25a13 13 0 0 1 26 0c0 10-10 16-13 25z`}
              fill="#9a3412"
              stroke="#ffffff"
              strokeWidth="2.5"
            />
            <circle cx={marker.x} cy={marker.y - 25} r="5" fill="#ffffff" />
          </g>
        ) : null}
      </svg>
      {map.attribution ? <p className="mt-1 text-xs text-slate-700">{map.attribution}</p> : null}
    </div>
  );
}
