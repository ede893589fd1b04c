"use client";

import { useState, useSyncExternalStore } from "react";
import { TextField } from "@/components/ui/field";
import type { PickerMap } from "./picker-map";
import { PointPicker } from "./point-picker";

const noSubscription = () => () => {};

/**
 * The optional map point of a form (the bord request, a placed bord's place): the wijk map to
 * click, drag or steer with the arrow keys, and the two coordinate fields (`lat`, `lng`) inside
 * a <details> as the way in without the map. The fields are what the form posts, so the form
 * works without JavaScript: the map appears only once the script runs.
 */
export function PointFields({
  idPrefix,
  map,
  initial,
  errors,
}: {
  idPrefix: string;
  map: PickerMap | null;
  initial: { lat: string; lng: string };
  errors: { lat?: string; lng?: string };
}) {
  const [lat, setLat] = useState(initial.lat);
  const [lng, setLng] = useState(initial.lng);
  // False in the server's HTML (and so without JavaScript), true once the script runs.
  const scripted = useSyncExternalStore(noSubscription, () => true, () => false);
  const hasError = Boolean(errors.lat || errors.lng);
  const picked = lat.trim() !== "" && lng.trim() !== "";
  const labelId = `${idPrefix}-map-label`;
  const instructionsId = `${idPrefix}-map-help`;
  return (
    <div className="space-y-3">
      {map && scripted ? (
        <div className="space-y-2">
          <p id={labelId} className="font-semibold">
            Punt op de kaart (niet verplicht)
          </p>
          <p id={instructionsId} className="text-sm text-slate-700">
            Klik op de kaart of sleep de punaise naar de plek van het bord. Met het toetsenbord: ga naar de kaart, druk op Enter voor een punt in
            het midden van de wijk en verplaats het met de pijltjestoetsen (met Shift in kleine stapjes).
          </p>
          <PointPicker
            map={map}
            lat={lat}
            lng={lng}
            labelId={labelId}
            instructionsId={instructionsId}
            onPick={(a, b) => {
              setLat(a);
              setLng(b);
            }}
          />
          <div className="flex flex-wrap items-center gap-3">
            <p aria-live="polite" className="text-sm">
              {picked ? `Gekozen punt: ${lat}; ${lng}` : "Nog geen punt gekozen."}
            </p>
            {picked ? (
              <button
                type="button"
                className="rounded border-2 border-brand-700 px-3 py-1 text-sm font-semibold text-brand-700 hover:bg-brand-50"
                onClick={() => {
                  setLat("");
                  setLng("");
                }}
              >
                Punt wissen
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
      <details open={hasError || undefined} className="rounded border-2 border-slate-300 p-3">
        <summary className="cursor-pointer font-semibold">{map && scripted ? "Of typ de coördinaten" : "Coördinaten (niet verplicht)"}</summary>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <TextField
            id={`${idPrefix}-lat`}
            name="lat"
            label="Breedtegraad"
            hint="Bijvoorbeeld 51,9167"
            inputMode="decimal"
            autoComplete="off"
            maxLength={40}
            value={lat}
            onChange={(e) => setLat(e.target.value)}
            error={errors.lat}
          />
          <TextField
            id={`${idPrefix}-lng`}
            name="lng"
            label="Lengtegraad"
            hint="Bijvoorbeeld 4,5936"
            inputMode="decimal"
            autoComplete="off"
            maxLength={40}
            value={lng}
            onChange={(e) => setLng(e.target.value)}
            error={errors.lng}
          />
        </div>
      </details>
    </div>
  );
}
