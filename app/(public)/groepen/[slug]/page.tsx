import type { Metadata } from "next";
import { PageLink } from "@/components/ui/page-link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { connection } from "next/server";
import { addressesLabel, formatDateNl } from "@/components/public/format";
import { HouseRulesList } from "@/components/public/house-rules";
import { JoinForm } from "@/components/public/join-form";
import { BordStatusBadge } from "@/components/public/bord-status";
import { Alert } from "@/components/ui/alert";
import { Container } from "@/components/ui/container";
import { endedMunicipalityOfGroup, getPublicGroup } from "@/lib/data/public/groups";
import { EMERGENCY_NUMBER, POLICE_NON_EMERGENCY_NUMBER } from "@/lib/domain";
import { routes } from "@/lib/routes";
import { publicMetadata } from "../../_lib/metadata";
import { LazyBordReportForm } from "@/components/bords/lazy-bord-report-form";
import { listStandingBordsForGroup } from "@/lib/data/public/bord-reports";
import { joinGroupAction, reportBordAction } from "./actions";

type Params = Promise<{ slug: string }>;

/** One query per request, shared by generateMetadata and the page. */
const loadGroup = cache(getPublicGroup);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await connection();
  const { slug } = await params;
  const group = await loadGroup(slug);
  if (!group) return { title: "Groep niet gevonden", robots: { index: false } };
  return publicMetadata({
    title: group.name,
    description: `WhatsApp-buurtpreventiegroep in de wijk ${group.area.name}: ${addressesLabel(group.addressCount)} doen mee. Meld u aan.`,
    path: routes.group(group.slug),
  });
}

export default async function GroupPage({ params }: { params: Params }) {
  await connection();
  const { slug } = await params;
  const group = await loadGroup(slug);
  if (!group) {
    const ended = await endedMunicipalityOfGroup(slug);
    if (!ended) notFound();
    return (
      <Container>
        <h1 className="text-3xl font-bold text-brand-800">Gemeente {ended} doet niet meer mee</h1>
        <p className="mt-3 max-w-3xl">
          De gemeente {ended} doet niet meer mee met deze website. U kunt zich hier daarom niet meer aanmelden voor een groep.
          Vraag uw gemeente hoe buurtpreventie daar nu geregeld is.
        </p>
        <p className="mt-3">
          <PageLink href={routes.home}>Naar de startpagina</PageLink>
        </p>
      </Container>
    );
  }
  const standingBords = await listStandingBordsForGroup(group.slug);

  return (
    <Container>
      <p className="text-sm">
        <PageLink href={routes.areas}>Wijken</PageLink> <span aria-hidden="true">›</span>{" "}
        <PageLink href={routes.area(group.area.slug)}>{group.area.name}</PageLink>
      </p>
      <h1 className="mt-2 break-words text-3xl font-bold text-brand-800">{group.name}</h1>
      <p className="mt-1 text-lg">
        WhatsApp-buurtpreventiegroep in de wijk <PageLink href={routes.area(group.area.slug)}>{group.area.name}</PageLink>,
        gemeente {group.municipality.name}
      </p>

      <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_1.4fr]">
        <div className="space-y-6">
          <section aria-labelledby="over-de-groep">
            <h2 id="over-de-groep" className="text-xl font-bold">
              Over de groep
            </h2>
            <dl className="mt-3 divide-y divide-slate-200 rounded-lg border-2 border-slate-200">
              {group.description ? (
                <div className="p-3">
                  <dt className="font-semibold">Straten</dt>
                  <dd>{group.description}</dd>
                </div>
              ) : null}
              <div className="p-3">
                <dt className="font-semibold">Deelnemende adressen</dt>
                <dd>{addressesLabel(group.addressCount)}</dd>
              </div>
              <div className="p-3">
                <dt className="font-semibold">Buurtpreventiebord</dt>
                <dd className="mt-1">
                  <BordStatusBadge status={group.signStatus} />
                </dd>
              </div>
              <div className="p-3">
                <dt className="font-semibold">Aangemeld op</dt>
                <dd>{formatDateNl(group.registeredOn)}</dd>
              </div>
            </dl>
          </section>

          <section aria-labelledby="iets-verdachts" className="rounded-lg border-2 border-red-700 p-4">
            <h2 id="iets-verdachts" className="text-lg font-bold">
              Ziet u iets verdachts?
            </h2>
            <p className="mt-2">
              Bel altijd eerst <strong>{EMERGENCY_NUMBER}</strong>. Zet het daarna pas in de groep. Geen spoed? Bel{" "}
              <strong className="whitespace-nowrap">{POLICE_NON_EMERGENCY_NUMBER}</strong>. <PageLink href={routes.informationSaar}>Lees hoe SAAR werkt</PageLink>.
            </p>
          </section>
          {standingBords.length > 0 ? (
            <section aria-labelledby="bord-melden" className="rounded-lg border-2 border-slate-200 p-4">
              <h2 id="bord-melden" className="text-lg font-bold">
                Bord kapot of weg?
              </h2>
              <p className="mt-2">Meld het aan de gemeente. U hoeft uw naam niet te geven.</p>
              <LazyBordReportForm
                action={reportBordAction}
                bords={standingBords.map((s) => ({
                  id: s.id,
                  label: `${s.location} (geplaatst op ${formatDateNl(s.placedOn)})`,
                }))}
              />
            </section>
          ) : null}
          <p className="text-sm">
            Groepen in andere gemeenten vindt u op <a href="https://wabp.nl">wabp.nl</a>, de landelijke lijst van WhatsApp-buurtpreventiegroepen.
          </p>
        </div>

        <section aria-labelledby="aanmelden-titel" className="rounded-lg border-2 border-brand-100 bg-white p-5">
          <h2 id="aanmelden-titel" className="text-2xl font-bold">
            Meedoen met deze groep
          </h2>
          <p className="mt-2">
            Woont u in deze buurt en bent u 18 jaar of ouder? Meld u hier aan. De beheerders van de groep krijgen uw
            gegevens per e-mail en nemen contact met u op. Niemand anders ziet uw gegevens.
          </p>
          <div className="mt-5">
            <JoinForm
              groupSlug={group.slug}
              action={joinGroupAction}
              houseRules={<HouseRulesList headingLevel={4} />}
              sentNotice={
                <Alert tone="success" title="Uw aanmelding is verstuurd" role="status">
                  <p>
                    De beheerders van {group.name} krijgen uw gegevens per e-mail. Zij nemen contact met u op. U krijgt
                    zelf ook een e-mail met een bevestiging.
                  </p>
                </Alert>
              }
              privacyNotice={
                <p className="text-sm text-slate-700">
                  Uw gegevens gaan alleen naar de beheerders van {group.name}. Na afhandeling van uw aanmelding wissen we ze
                  binnen 30 dagen. Lees meer in de <a href={routes.privacy}>privacyverklaring</a>.
                </p>
              }
            />
          </div>
        </section>
      </div>
    </Container>
  );
}
