/** The kinds of geography file a municipality can import (lib/domain/geo-import.ts reads them). Safe in the browser. */
export const geoImportKinds = ["wijken", "postcodes", "aantallen"] as const;
export type GeoImportKind = (typeof geoImportKinds)[number];

export const GEO_IMPORT_KIND_LABELS: Record<GeoImportKind, string> = {
  wijken: "Wijken en buurten",
  postcodes: "Postcodes per wijk",
  aantallen: "Aantal adressen per wijk",
};
