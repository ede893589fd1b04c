import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { GeoImportForm } from "@/components/staff/geo-import-form";
import { MunicipalityPicker } from "@/components/staff/municipality-picker";
import { Container } from "@/components/ui/container";
import { requirePagePermission } from "@/lib/auth";
import { first, type SearchParams } from "@/lib/validation/search-params";
import { listMunicipalitiesForStaff, resolveStaffMunicipality } from "@/lib/data/staff/scope";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Wijken, postcodes en aantallen inlezen" };

/** Staff import their municipality's geography files: upload → preview → confirm. */
export default async function GeoImportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const user = await requirePagePermission("area.edit", routes.staff.geoImport);
  const requested = first(await searchParams, "gemeente");
  const [municipality, list] = await Promise.all([resolveStaffMunicipality(user, requested), listMunicipalitiesForStaff(user)]);
  if (!municipality) {
    return (
      <Container>
        <h1 className="text-3xl font-bold text-brand-800">Wijken, postcodes en aantallen inlezen</h1>
        <p className="mt-4">Er is nog geen gemeente ingesteld.</p>
      </Container>
    );
  }
  return (
    <Container>
      <p className="mt-2">
        <Link href={`${routes.staff.areas}?gemeente=${municipality.id}`}>← Wijken en contacten</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold text-brand-800">Wijken, postcodes en aantallen inlezen voor {municipality.name}</h1>
      <MunicipalityPicker list={list} current={municipality.id} />
      <div className="mt-4 max-w-3xl space-y-2">
        <p>
          Lees de bestanden in die uw gemeente al heeft, in deze volgorde: eerst de wijken en buurten, dan de postcodes per wijk, dan het
          aantal adressen per wijk. U ziet eerst wat er verandert; pas als u bevestigt, wordt het opgeslagen. Staat er een fout in het
          bestand, dan wordt niets opgeslagen.
        </p>
        <p>
          Regels van andere gemeenten worden overgeslagen. Een wijk die niet in het wijkenbestand staat, blijft bestaan. Het
          postcodebestand vervangt de postcodes van alle wijken. Bij elke soort bestand staat hieronder welke kolommen erin moeten staan.
        </p>
      </div>
      <div className="mt-6 rounded border-2 border-slate-300 p-4">
        <GeoImportForm municipalityId={municipality.id} />
      </div>
    </Container>
  );
}
