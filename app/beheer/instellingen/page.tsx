import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { MunicipalityPicker } from "@/components/staff/municipality-picker";
import { BordSettingsForm } from "@/components/staff/bord-settings-form";
import { SettingsForm } from "@/components/staff/settings-form";
import { Container } from "@/components/ui/container";
import { requirePagePermission } from "@/lib/auth";
import { first, type SearchParams } from "@/lib/validation/search-params";
import { listMunicipalitiesForStaff } from "@/lib/data/staff/scope";
import { getMunicipalitySettings } from "@/lib/data/staff/settings";
import { routes } from "@/lib/routes";
import { updateBordSettingsAction, updateSettingsAction } from "../actions";

export const metadata: Metadata = { title: "Instellingen" };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const user = await requirePagePermission("staff.view", routes.staff.settings);
  const settings = await getMunicipalitySettings(user, first(await searchParams, "gemeente"));
  if (!settings) notFound();
  const list = await listMunicipalitiesForStaff(user);
  return (
    <Container>
      <h1 className="text-3xl font-bold text-brand-800">Instellingen van {settings.municipalityName}</h1>
      <MunicipalityPicker list={list} current={settings.municipalityId} />
      <SettingsForm
        key={settings.municipalityId}
        municipalityId={settings.municipalityId}
        bordThreshold={settings.bordThreshold}
        safetyEmail={settings.safetyEmail}
        action={updateSettingsAction}
      />
      <section aria-labelledby="borden" className="mt-10">
        <h2 id="borden" className="text-2xl font-bold">Borden</h2>
        <p className="mt-2 max-w-3xl">
          Hoeveel borden een groep kan krijgen, wat de groep zelf betaalt, en wanneer een groep genoeg adressen heeft. Overal waar de drempel
          staat (de pagina&apos;s van groepen, de aanvragen, de e-mails) telt deze keuze.
        </p>
        <BordSettingsForm
          key={`bord-${settings.municipalityId}`}
          municipalityId={settings.municipalityId}
          bordThreshold={settings.bordThreshold}
          bordsPerGroup={settings.bordsPerGroup}
          contributionCents={settings.contributionCents}
          condition={settings.condition}
          householdPercent={settings.householdPercent}
          action={updateBordSettingsAction}
        />
      </section>
    </Container>
  );
}
