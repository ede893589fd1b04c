import { PageLink } from "@/components/ui/page-link";
import { connection } from "next/server";
import { bordConditionText } from "@/components/public/format";
import { HouseRulesList } from "@/components/public/house-rules";
import { MunicipalityContact } from "@/components/public/municipality-contact";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { listPublicMunicipalities } from "@/lib/data/public/municipalities";
import { EMERGENCY_NUMBER, POLICE_NON_EMERGENCY_NUMBER, SAAR_STEPS } from "@/lib/domain";
import { routes } from "@/lib/routes";
import { publicMetadata } from "../_lib/metadata";

export const metadata = publicMetadata({
  title: "Hoe werkt WhatsApp-buurtpreventie?",
  description:
    "Waarom buurtpreventie werkt, de SAAR-methode, wanneer u 112 of 0900-8844 belt, de huisregels, Burgernet en hoe u zelf een groep start.",
  path: routes.information,
});

const sections = [
  { id: "waarom", title: "Waarom het werkt" },
  { id: "saar", title: "Iets verdachts? Volg SAAR" },
  { id: "alarmnummers", title: "112 of 0900-8844?" },
  { id: "huisregels", title: "De huisregels" },
  { id: "burgernet", title: "Burgernet" },
  { id: "groep-starten", title: "Zelf een groep starten" },
  { id: "gemeente", title: "Wat doet de gemeente?" },
];

export default async function InformationPage() {
  await connection();
  const municipalities = await listPublicMunicipalities();
  const condition = bordConditionText(municipalities);

  return (
    <Container className="max-w-3xl">
      <h1 className="text-3xl font-bold text-brand-800">Hoe werkt WhatsApp-buurtpreventie?</h1>
      <p className="mt-4 text-lg">
        Bij WhatsApp-buurtpreventie houden buren samen een oogje in het zeil. Ziet iemand iets verdachts, dan belt hij
        eerst de politie. Daarna waarschuwt hij de buren in een WhatsApp-groep. Zo weet de hele straat snel wat er aan de
        hand is.
      </p>

      <nav aria-labelledby="op-deze-pagina" className="mt-6 rounded-lg border-2 border-slate-200 p-4">
        <h2 id="op-deze-pagina" className="font-bold">
          Op deze pagina
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="waarom" className="mt-10">
        <h2 id="waarom" className="text-2xl font-bold">
          Waarom het werkt
        </h2>
        <p className="mt-3">
          Op veel plaatsen helpt WhatsApp-buurtpreventie echt. De Universiteit van Tilburg heeft het onderzocht in Tilburg.
          Daar daalde het aantal inbraken per 1.000 inwoners met ongeveer 40% door de inzet van WhatsApp-buurtpreventie.
        </p>
        <p className="mt-3">
          Het idee is eenvoudig. Eerst licht een bewoner de politie in. Daarna laten de buren elkaar via de groep weten wat
          er gebeurt. Ze kunnen er ook een foto bij sturen. Meer ogen op straat maken het inbrekers moeilijker.
        </p>
      </section>

      <section aria-labelledby="saar" className="mt-10">
        <h2 id="saar" className="text-2xl font-bold">
          Iets verdachts? Volg SAAR
        </h2>
        <p className="mt-3">SAAR zijn vier stappen. Doe ze altijd in deze volgorde:</p>
        <ol className="mt-3 space-y-3">
          {SAAR_STEPS.map((step, index) => (
            <li key={`${step.letter}-${index}`} className="flex gap-3 rounded-lg border-2 border-slate-200 p-3">
              <span
                aria-hidden="true"
                className="flex h-10 w-10 shrink-0 items-center justify-center rounded-full bg-brand-700 text-xl font-bold text-white"
              >
                {step.letter}
              </span>
              <span>
                <strong className="block">
                  <span className="sr-only">Stap {index + 1}: </span>
                  {step.word}
                </strong>
                {step.text}
              </span>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="alarmnummers" className="mt-10">
        <h2 id="alarmnummers" className="text-2xl font-bold">
          112 of 0900-8844?
        </h2>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <div className="rounded-lg border-2 border-red-700 p-4">
            <p className="text-2xl font-bold">{EMERGENCY_NUMBER}</p>
            <p className="mt-1">
              Bij spoed: als er nu iets gebeurt of net is gebeurd, en er gevaar is. Bijvoorbeeld een inbraak die bezig is.
              Zeg erbij in welke wijk het is.
            </p>
          </div>
          <div className="rounded-lg border-2 border-slate-400 p-4">
            <p className="text-2xl font-bold">{POLICE_NON_EMERGENCY_NUMBER}</p>
            <p className="mt-1">Geen spoed, maar wel iets voor de politie. Bijvoorbeeld een verdachte situatie van gisteren.</p>
          </div>
        </div>
        <p className="mt-4">
          <strong>Een bericht in de groep is geen melding bij de politie.</strong> De politie komt alleen als iemand belt.
          Heeft u {EMERGENCY_NUMBER} gebeld? Zet dat dan in de groep. Dan weten de anderen dat de politie al op de hoogte is,
          en bellen er niet tien mensen over hetzelfde.
        </p>
      </section>

      <section aria-labelledby="huisregels" className="mt-10">
        <h2 id="huisregels" className="text-2xl font-bold">
          De huisregels
        </h2>
        <p className="mt-3">
          Elke groep houdt zich aan deze regels. Beheerders accepteren ze als ze een groep aanmelden, bewoners als ze zich
          aanmelden bij een groep.
        </p>
        <div className="mt-4">
          <HouseRulesList />
        </div>
      </section>

      <section aria-labelledby="burgernet" className="mt-10">
        <h2 id="burgernet" className="text-2xl font-bold">
          Burgernet
        </h2>
        <p className="mt-3">
          Burgernet is een app van de politie en de gemeente. Hij stuurt u een bericht als er in uw omgeving iets aan de
          hand is, bijvoorbeeld als er een kind vermist is of een dader wordt gezocht. De berichten komen rechtstreeks van
          de meldkamer van de politie, dus ze zijn actueel.
        </p>
        <p className="mt-3">
          Doet u mee met Burgernet én met een WhatsApp-groep? Dan kunt u een Burgernet-bericht over uw wijk meteen in de
          groep zetten. Zo weten uw buren het ook, en kunnen ze uitkijken. Meer informatie staat op{" "}
          <a href="https://www.burgernet.nl">burgernet.nl</a>.
        </p>
      </section>

      <section aria-labelledby="groep-starten" className="mt-10">
        <h2 id="groep-starten" className="text-2xl font-bold">
          Zelf een groep starten
        </h2>
        <p className="mt-3">
          Is er in uw buurt nog geen groep? <PageLink href={routes.home}>Zoek eerst op uw adres</PageLink>. Is er echt nog niets, dan kunt u
          zelf een groep beginnen. U heeft een smartphone met WhatsApp nodig.
        </p>
        <ol className="mt-3 list-decimal space-y-2 pl-6">
          <li>Maak in WhatsApp een nieuwe groep. Geef hem een duidelijke naam, bijvoorbeeld met de naam van uw straat.</li>
          <li>Voeg buren toe die u al kent. Zij moeten 18 jaar of ouder zijn.</li>
          <li>
            Vraag ook andere buren. Vertel waarom het helpt: hoe meer mensen meedoen, hoe beter. Gebruik een flyer, een
            buurtapp of de lokale krant. Buren kunnen zich aanmelden via de pagina van uw groep op deze website.
          </li>
          <li>Kies minstens één andere beheerder. Dan hangt de groep niet van één persoon af.</li>
          <li>
            Meld de groep aan op deze website. De wijkagent en de wethouder van uw wijk krijgen dan automatisch bericht.
          </li>
          <li>
            Meld de groep ook aan op <a href="https://wabp.nl">wabp.nl</a>, de landelijke lijst van WhatsApp-buurtpreventiegroepen. Dat is
            niet verplicht. Zet daarna bij de gegevens van uw groep een vinkje bij “Onze groep staat ook op wabp.nl”.
          </li>
        </ol>
        <p className="mt-4">
          <ButtonLink href={routes.startGroup}>Groep aanmelden</ButtonLink>
        </p>
      </section>

      <section aria-labelledby="gemeente" className="mt-10">
        <h2 id="gemeente" className="text-2xl font-bold">
          Wat doet de gemeente?
        </h2>
        <p className="mt-3">
          WhatsApp-buurtpreventie is een initiatief van bewoners. De gemeente steunt het. Zij geeft informatie en advies
          als u een groep wilt starten.
        </p>
        <p className="mt-3">
          De gemeente plaatst ook <strong>buurtpreventieborden</strong>.{" "}
          {condition ? `Doen er ${condition} of meer mee met uw groep?` : "Doen er genoeg adressen mee met uw groep?"} Dan kan de
          beheerder op deze website een bord aanvragen.{condition ? "" : " Hoeveel adressen nodig zijn, verschilt per gemeente."} De
          gemeente bekijkt de aanvraag en laat weten wanneer het bord er staat.
        </p>
        <div className="mt-3">
          Vragen over buurtpreventie of over een bord? Mail naar{" "}
          <MunicipalityContact municipalities={municipalities} subject="WhatsApp buurtpreventie" />.
        </div>
      </section>
    </Container>
  );
}
