import { connection } from "next/server";
import { MunicipalityContact } from "@/components/public/municipality-contact";
import { Container } from "@/components/ui/container";
import { listPublicMunicipalities } from "@/lib/data/public/municipalities";
import { routes } from "@/lib/routes";
import { publicMetadata } from "../_lib/metadata";

export const metadata = publicMetadata({
  title: "Toegankelijkheid",
  description: "Toegankelijkheidsverklaring van de website WhatsApp Buurtpreventie: norm, status, bekende problemen en contact.",
  path: routes.accessibility,
});

/** When this statement was drawn up; change it when the statement changes. */
const STATEMENT_DATE = "25 november 2026";

const h2 = "mt-10 text-2xl font-bold";

export default async function AccessibilityPage() {
  await connection();
  const municipalities = await listPublicMunicipalities();
  const owner = municipalities.length === 1 ? `De gemeente ${municipalities[0].name}` : "De gemeente";

  return (
    <Container className="max-w-3xl">
      <h1 className="hyphens-auto break-words text-3xl font-bold text-brand-800">Toegankelijkheidsverklaring</h1>
      <p className="mt-4">
        {owner} wil dat iedereen deze website kan gebruiken, ook mensen met een beperking. Deze verklaring gaat over de
        website WhatsApp Buurtpreventie: de openbare pagina&apos;s, de pagina&apos;s voor groepsbeheerders, de medewerkers
        van de gemeente en de wijkagent, en de e-mails die de website stuurt.
      </p>

      <h2 className={h2}>De norm</h2>
      <p className="mt-3">
        Overheidswebsites moeten voldoen aan de <strong>Web Content Accessibility Guidelines (WCAG) 2.1, niveau A en AA</strong>
        . Dat staat in het Besluit digitale toegankelijkheid overheid. De Europese norm EN 301 549 gebruikt dezelfde eisen.
      </p>

      <h2 className={h2}>Status</h2>
      <dl className="mt-3 divide-y divide-slate-200 rounded-lg border-2 border-slate-200">
        <div className="p-3">
          <dt className="font-semibold">Nalevingsstatus</dt>
          <dd>
            <strong>C – Eerste maatregelen genomen.</strong> Een onafhankelijke deskundige heeft de website nog niet
            onderzocht. Tot dat gebeurd is, zeggen we niet dat de website helemaal voldoet.
          </dd>
        </div>
        <div className="p-3">
          <dt className="font-semibold">Wat we al doen</dt>
          <dd>
            <ul className="mt-1 list-disc space-y-1 pl-6">
              <li>Bij elke wijziging testen we alle pagina&apos;s automatisch op de WCAG-eisen (met axe).</li>
              <li>We testen of de belangrijkste taken te doen zijn met alleen een toetsenbord, en zonder JavaScript.</li>
              <li>Elk formulierveld heeft een label; foutmeldingen staan bij het veld en in tekst, niet alleen in kleur.</li>
              <li>We schrijven in eenvoudig Nederlands (taalniveau B1).</li>
            </ul>
          </dd>
        </div>
        <div className="p-3">
          <dt className="font-semibold">Verklaring opgesteld op</dt>
          <dd>{STATEMENT_DATE}</dd>
        </div>
      </dl>

      <h2 className={h2}>Bekende problemen</h2>
      <p className="mt-3">Deze onderdelen zijn nog niet goed genoeg. We werken eraan.</p>
      <ul className="mt-3 list-disc space-y-2 pl-6">
        <li>
          <strong>Geboortedatum.</strong> Het datumveld ziet er in elke browser anders uit. Met sommige schermlezers is het
          lastig te gebruiken. U kunt de datum ook intypen.
        </li>
        <li>
          <strong>Grafiek per wijk.</strong> De balken op de pagina met groepen per wijk zijn alleen een plaatje. Dezelfde
          cijfers staan in tekst naast de balken en in de tabel eronder.
        </li>
      </ul>

      <h2 className={h2}>Iets werkt niet? Laat het ons weten</h2>
      <div className="mt-3">
        Kunt u iets op deze website niet vinden, lezen of gebruiken? Of heeft u een vraag over toegankelijkheid? Mail naar{" "}
        <MunicipalityContact municipalities={municipalities} subject="Toegankelijkheid website buurtpreventie" />. Zeg
        erbij om welke pagina het gaat. U krijgt binnen 5 werkdagen antwoord.
      </div>
      <p className="mt-3">
        Bent u niet tevreden met ons antwoord? Dan kunt u een klacht indienen bij de gemeente. Helpt dat niet, dan kunt u
        naar de <a href="https://www.nationaleombudsman.nl">Nationale ombudsman</a>.
      </p>
    </Container>
  );
}
