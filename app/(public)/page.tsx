import { PageLink } from "@/components/ui/page-link";
import { connection } from "next/server";
import { addressesLabel, bordConditionText, groupsLabel } from "@/components/public/format";
import { AddressSearchForm } from "@/components/search/address-search-form";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { getCurrentUser } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { getPublicFigures } from "@/lib/data/public/groups";
import { listPublicMunicipalities } from "@/lib/data/public/municipalities";
import { EMERGENCY_NUMBER, POLICE_NON_EMERGENCY_NUMBER } from "@/lib/domain";
import { routes } from "@/lib/routes";
import { publicMetadata } from "./_lib/metadata";

export const metadata = publicMetadata({
  title: "WhatsApp Buurtpreventie – vind de groep voor uw straat",
  description:
    "Zoek met uw postcode en huisnummer de WhatsApp-buurtpreventiegroep voor uw adres, meld u aan of start zelf een groep.",
  path: routes.home,
  absoluteTitle: true,
});

export default async function HomePage() {
  await connection();
  const [figures, user, municipalities] = await Promise.all([getPublicFigures(), getCurrentUser().catch(() => null), listPublicMunicipalities()]);
  const condition = bordConditionText(municipalities);
  // Staff and wijkagenten cannot register a group: they do not get the invitation to start one.
  const mayStartGroup = !user || can(user, "group.register");

  return (
    <Container>
      <h1 className="text-3xl font-bold text-brand-800 sm:text-4xl">Samen letten we op de buurt</h1>
      <p className="mt-3 max-w-3xl text-lg">
        In een WhatsApp-buurtpreventiegroep waarschuwen buren elkaar als er iets verdachts gebeurt. Kijk hier of er al
        een groep is voor uw adres. Dan kunt u zich meteen aanmelden. Is er nog geen groep? Dan kunt u er zelf een
        starten.
      </p>

      <section aria-labelledby="zoek-titel" className="mt-8 rounded-lg border-2 border-brand-100 bg-brand-50 p-5">
        <h2 id="zoek-titel" className="text-xl font-bold">
          Is er een groep voor mijn adres?
        </h2>
        <div className="mt-4">
          <AddressSearchForm headingId="zoek-titel" />
        </div>
      </section>

      {figures.groupCount > 0 ? (
        <p className="mt-6">
          Er {figures.groupCount === 1 ? "is" : "zijn"} nu <strong>{groupsLabel(figures.groupCount)}</strong> actief, met
          samen <strong>{addressesLabel(figures.addressCount)}</strong>.{" "}
          <PageLink href={routes.areas}>Bekijk de groepen per wijk</PageLink>.
        </p>
      ) : null}

      <div className="mt-10 grid gap-6 md:grid-cols-3">
        <section aria-labelledby="eerst-112" className="rounded-lg border-2 border-red-700 p-5">
          <h2 id="eerst-112" className="text-lg font-bold">
            Eerst {EMERGENCY_NUMBER}, dan de groep
          </h2>
          <p className="mt-2">
            Ziet u iets verdachts? Bel eerst <strong>{EMERGENCY_NUMBER}</strong>. De politie komt alleen in actie na een
            melding. Zet het daarna in de groep en zeg dat u al gebeld heeft.
          </p>
          <p className="mt-2">
            Geen spoed? Bel de politie op <strong>{POLICE_NON_EMERGENCY_NUMBER}</strong>.
          </p>
        </section>
        {mayStartGroup ? (
          <section aria-labelledby="zelf-starten" className="rounded-lg border-2 border-slate-300 p-5">
            <h2 id="zelf-starten" className="text-lg font-bold">
              Zelf een groep starten
            </h2>
            <p className="mt-2">
              Maak een groep in WhatsApp en meld hem hier aan. Dan weten de wijkagent en de gemeente ervan, en kunnen buren
              u vinden.
            </p>
            <p className="mt-3">
              <ButtonLink href={routes.startGroup} variant="secondary">
                Groep aanmelden
              </ButtonLink>
            </p>
          </section>
        ) : null}
        <section aria-labelledby="bord" className="rounded-lg border-2 border-slate-300 p-5">
          <h2 id="bord" className="text-lg font-bold">
            Een bord in uw straat
          </h2>
          <p className="mt-2">
            {condition ? `Doen er ${condition} of meer mee?` : "Doen er genoeg adressen mee? Hoeveel, verschilt per gemeente."} Dan
            kan de groep de gemeente vragen om een buurtpreventiebord. Zo zien inbrekers dat de buurt oplet.
          </p>
        </section>
      </div>

      <section aria-labelledby="meer-weten" className="mt-10">
        <h2 id="meer-weten" className="text-xl font-bold">
          Meer weten
        </h2>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>
            <PageLink href={routes.information}>Hoe werkt WhatsApp-buurtpreventie?</PageLink> Met de SAAR-methode en de huisregels.
          </li>
          <li>
            <PageLink href={routes.informationStartGroup}>Zo start u een groep</PageLink>, en dit doet de gemeente.
          </li>
          <li>
            <PageLink href={routes.areas}>Groepen per wijk</PageLink>: hoeveel adressen er al meedoen.
          </li>
        </ul>
      </section>
    </Container>
  );
}
