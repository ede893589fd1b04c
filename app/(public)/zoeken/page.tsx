import type { Metadata } from "next";
import { PageLink } from "@/components/ui/page-link";
import { connection } from "next/server";
import { bordConditionText } from "@/components/public/format";
import { GroupCard } from "@/components/public/group-card";
import { AddressSearchForm, type AddressSearchValues } from "@/components/search/address-search-form";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { zodFieldErrors } from "@/lib/actions";
import { lookupAddress } from "@/lib/data/public/lookup";
import { formatPostcode } from "@/lib/domain";
import { addressLookupQuerySchema } from "@/lib/validation";
import { otherMunicipalityOfPostcode } from "@/lib/data/public/address-suggestions";
import { listPublicMunicipalities } from "@/lib/data/public/municipalities";
import { routes } from "@/lib/routes";
import { publicMetadata } from "../_lib/metadata";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The query as typed (cut short for showing it again; the schema refuses what is too long). */
function readQuery(params: Record<string, string | string[] | undefined>) {
  const raw = { postcode: first(params.postcode), huisnummer: first(params.huisnummer), toevoeging: first(params.toevoeging) };
  const asked = raw.postcode !== undefined || raw.huisnummer !== undefined || raw.toevoeging !== undefined;
  const values: AddressSearchValues = {
    postcode: (raw.postcode ?? "").slice(0, 100),
    huisnummer: (raw.huisnummer ?? "").slice(0, 100),
    toevoeging: (raw.toevoeging ?? "").slice(0, 100),
  };
  const parsed = addressLookupQuerySchema.safeParse({
    postcode: raw.postcode ?? "",
    huisnummer: raw.huisnummer ?? "",
    toevoeging: raw.toevoeging,
  });
  return { asked, values, parsed };
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { asked, parsed } = readQuery(await searchParams);
  // The postcode only: the answer (and so its title) is the same for every house in it.
  const title = asked && parsed.success ? `Groepen voor postcode ${formatPostcode(parsed.data.postcode)}` : asked ? "Controleer het adres" : "Zoeken op adres";
  return {
    ...publicMetadata({
      title,
      description: "Zoek met uw postcode en huisnummer de WhatsApp-buurtpreventiegroep voor uw adres.",
      path: routes.search,
    }),
    // Result pages for single addresses do not belong in search engines.
    robots: asked ? { index: false, follow: true } : undefined,
  };
}

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const { asked, values, parsed } = readQuery(await searchParams);
  const errors = asked && !parsed.success ? zodFieldErrors(parsed.error) : {};
  // Only the postcode goes to the look-up: two houses of one postcode get the same results.
  const result = asked && parsed.success ? await lookupAddress({ postcode: parsed.data.postcode }) : null;
  // Issue 19: a postcode outside the installation's municipalities gets pointed elsewhere.
  const elsewhere = result && !result.area ? await otherMunicipalityOfPostcode(result.postcode) : null;
  const outside = elsewhere !== null && (elsewhere.name !== null || !elsewhere.known);
  // The municipalities are read only for the parts that name them or their bord rule.
  const municipalities = outside || (result && result.groups.length === 0) ? await listPublicMunicipalities() : [];
  const municipalityNames = outside ? municipalities.map((m) => `de gemeente ${m.name}`).join(" en ") || "deze gemeente" : "";
  const condition = bordConditionText(municipalities);

  return (
    <Container>
      <h1 className="text-3xl font-bold text-brand-800">Zoeken op adres</h1>
      <p className="mt-3 max-w-3xl">
        Vul uw postcode en huisnummer in. U ziet dan welke WhatsApp-buurtpreventiegroepen er in uw straat (uw postcode) en in
        uw wijk zijn.
      </p>
      <div className="mt-6 rounded-lg border-2 border-brand-100 bg-brand-50 p-5">
        <AddressSearchForm values={values} errors={errors} />
      </div>

      {result?.notTakingPart ? (
        <section aria-labelledby="resultaat" className="mt-8">
          <h2 id="resultaat" className="text-2xl font-bold">
            Resultaat voor postcode {formatPostcode(result.postcode)}
          </h2>
          <p className="mt-4 rounded-lg border-2 border-slate-300 p-4">
            <strong>De gemeente {result.notTakingPart.municipalityName} doet niet meer mee met deze website.</strong> U kunt hier
            geen groep voor deze postcode zoeken of aanmelden. Vraag uw gemeente hoe buurtpreventie daar nu geregeld is.
          </p>
        </section>
      ) : result ? (
        <section aria-labelledby="resultaat" className="mt-8">
          <h2 id="resultaat" className="text-2xl font-bold">
            Resultaat voor postcode {formatPostcode(result.postcode)}
          </h2>
          {result.area ? (
            <p className="mt-1">
              Deze postcode ligt in de wijk <PageLink href={routes.area(result.area.slug)}>{result.area.name}</PageLink>.
            </p>
          ) : null}
          {outside ? (
            <div className="mt-4 rounded-lg border-2 border-amber-700 bg-amber-50 p-4">
              <h3 className="text-xl font-bold">
                {elsewhere?.name ? `Deze postcode ligt in de gemeente ${elsewhere.name}` : "Deze postcode ligt buiten de gemeenten van deze website"}
              </h3>
              <p className="mt-2">
                Deze website is voor de buurtpreventiegroepen van {municipalityNames}. Kijk op{" "}
                <a href="https://wabp.nl">wabp.nl</a> of er bij u in de buurt een WhatsApp-buurtpreventiegroep is, of vraag het
                {elsewhere?.name ? ` de gemeente ${elsewhere.name}` : " uw eigen gemeente"}.
              </p>
            </div>
          ) : null}
          <p className="mt-1">
            U ziet hier de groepen voor uw postcode, niet voor uw huis. Of één huis meedoet, laten we niemand zien.
          </p>

          {result.groups.length > 0 ? (
            <section aria-labelledby="in-de-straat" className="mt-6">
              <h3 id="in-de-straat" className="text-xl font-bold">
                Groepen in uw straat (postcode {formatPostcode(result.postcode)})
              </h3>
              <p className="mt-1">
                In deze postcode doen adressen mee met {result.groups.length === 1 ? "deze groep" : "deze groepen"}. Wilt u ook
                meedoen? Open de groep en meld u aan. De beheerders nemen dan contact met u op.
              </p>
              <ul className="mt-3 space-y-3">
                {result.groups.map((group) => (
                  <li key={group.slug}>
                    <GroupCard group={group} headingLevel={4} highlight />
                  </li>
                ))}
              </ul>
            </section>
          ) : (
            <p className="mt-4 rounded-lg border-2 border-slate-300 p-4">
              <strong>In postcode {formatPostcode(result.postcode)} doet nog geen adres mee met een groep.</strong>
              {result.nearbyGroups.length > 0 ? " Maar er zijn wel groepen in uw wijk." : ""}
            </p>
          )}

          {result.nearbyGroups.length > 0 ? (
            <section aria-labelledby="in-de-buurt" className="mt-8">
              <h3 id="in-de-buurt" className="text-xl font-bold">
                {result.groups.length > 0 ? "Andere groepen in uw wijk" : "Groepen in uw wijk"}
                {result.area ? ` (${result.area.name})` : ""}
              </h3>
              <p className="mt-1">
                Hoort uw straat bij een van deze {result.nearbyGroups.length === 1 ? "groep" : "groepen"}? Meld u dan aan op de
                pagina van de groep.
              </p>
              <ul className="mt-3 space-y-3">
                {result.nearbyGroups.map((group) => (
                  <li key={group.slug}>
                    <GroupCard group={group} headingLevel={4} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {result.groups.length === 0 ? (
            <section aria-labelledby="zelf-starten" className="mt-8 rounded-lg border-2 border-brand-600 bg-brand-50 p-5">
              <h3 id="zelf-starten" className="text-xl font-bold">
                Start zelf een groep
              </h3>
              <p className="mt-2">
                {result.nearbyGroups.length > 0
                  ? "Past geen van deze groepen bij uw straat? Start dan zelf een groep voor uw buurt."
                  : "Voor deze postcode is nog geen groep aangemeld. Start zelf een groep voor uw straat of buurt."}{" "}
                U maakt de groep in WhatsApp en meldt hem hier aan. De gemeente en de wijkagent weten er dan van.{" "}
                {condition
                  ? `Doen er ${condition} of meer mee, dan kan de groep een buurtpreventiebord aanvragen.`
                  : "Doen er genoeg adressen mee, dan kan de groep een buurtpreventiebord aanvragen. Hoeveel, verschilt per gemeente."}
              </p>
              <p className="mt-4 flex flex-wrap gap-3">
                <ButtonLink href={routes.startGroup}>Groep aanmelden</ButtonLink>
                <ButtonLink href={routes.informationStartGroup} variant="secondary">
                  Zo start u een groep
                </ButtonLink>
              </p>
            </section>
          ) : null}
        </section>
      ) : null}
    </Container>
  );
}
