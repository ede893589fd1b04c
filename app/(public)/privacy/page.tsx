import { connection } from "next/server";
import { MunicipalityContact } from "@/components/public/municipality-contact";
import { Container } from "@/components/ui/container";
import { listPublicMunicipalities } from "@/lib/data/public/municipalities";
import { JOIN_REQUEST_RETENTION_DAYS } from "@/lib/domain/retention";
import { routes } from "@/lib/routes";
import { publicMetadata } from "../_lib/metadata";

export const metadata = publicMetadata({
  title: "Privacy",
  description: "Welke gegevens deze website bewaart, waarom, hoe lang, wie ze ziet en hoe u ze laat verwijderen.",
  path: routes.privacy,
});

const h2 = "mt-10 text-2xl font-bold";

/** What is stored of whom, why and how long. */
const DATA = [
  {
    id: "deelnemers",
    who: "Deelnemers van een groep",
    what: "Alleen het adres: postcode, huisnummer en toevoeging. Geen naam en geen telefoonnummer.",
    why: "Om te tellen hoeveel adressen meedoen, bijvoorbeeld voor een bord, en om te laten zien welke groep bij een adres hoort.",
    howLong: "Zolang het adres bij de groep hoort.",
  },
  {
    id: "beheerders",
    who: "Groepsbeheerders",
    what: "Naam, e-mailadres, telefoonnummer, geboortedatum en adres.",
    why: "Zodat de gemeente en de wijkagent contact kunnen opnemen, en om te controleren dat u 18 jaar of ouder bent.",
    howLong: "Zolang u beheerder bent van een groep. Wordt uw groep opgeheven, dan wissen we ze meteen. U kunt ook zelf vragen om uw gegevens te wissen.",
  },
  {
    id: "aanmeldingen",
    who: "Bewoners die zich aanmelden bij een groep",
    what: "Naam, e-mailadres, mobiel nummer, adres en geboortedatum.",
    why: "Om uw aanmelding door te sturen naar de beheerders van de groep, en om te controleren dat u 18 jaar of ouder bent.",
    howLong: `Tot de aanmelding is afgehandeld. Daarna wissen we uw contactgegevens binnen ${JOIN_REQUEST_RETENTION_DAYS} dagen.`,
  },
  {
    id: "inloggen",
    who: "Iedereen die inlogt",
    what: "E-mailadres, en wanneer u voor het laatst inlogde.",
    why: "Om u te laten inloggen met een link in uw e-mail, zonder wachtwoord.",
    howLong: "Zolang u een account heeft. Een inloglink werkt 15 minuten; daarna wissen we hem. U blijft hooguit 7 dagen ingelogd.",
  },
];

export default async function PrivacyPage() {
  await connection();
  const municipalities = await listPublicMunicipalities({ includeDisabled: true });

  return (
    <Container className="max-w-3xl">
      <h1 className="text-3xl font-bold text-brand-800">Privacyverklaring</h1>
      <p className="mt-4">
        De gemeente gebruikt deze website om WhatsApp-buurtpreventiegroepen te registreren, om bewoners bij een groep te
        laten aansluiten en om buurtpreventieborden te regelen. We bewaren zo weinig mogelijk gegevens, en niet langer dan
        nodig. Hieronder leest u welke gegevens dat zijn en wat u kunt doen.
      </p>

      <h2 className={h2}>Welke gegevens bewaren we, en waarom?</h2>
      <div className="mt-4 space-y-4">
        {DATA.map((item) => (
          <section key={item.who} aria-labelledby={item.id} className="rounded-lg border-2 border-slate-200 p-4">
            <h3 id={item.id} className="text-lg font-bold">
              {item.who}
            </h3>
            <dl className="mt-2 grid gap-x-4 gap-y-2 sm:grid-cols-[10rem_1fr]">
              <dt className="font-semibold">Welke gegevens</dt>
              <dd>{item.what}</dd>
              <dt className="font-semibold">Waarom</dt>
              <dd>{item.why}</dd>
              <dt className="font-semibold">Hoe lang</dt>
              <dd>{item.howLong}</dd>
            </dl>
          </section>
        ))}
      </div>
      <p className="mt-4">
        De website gebruikt geen cookies om u te volgen en geen advertenties. Alleen als u inlogt, zet de website een
        cookie om te onthouden dat u bent ingelogd.
      </p>

      <h2 className={h2}>Wie ziet uw gegevens?</h2>
      <ul className="mt-3 list-disc space-y-2 pl-6">
        <li>
          <strong>Bezoekers van de website</strong> zien nooit persoonsgegevens. Op de openbare pagina&apos;s en in de open
          data staan alleen de naam van een groep, de wijk en het aantal adressen.
        </li>
        <li>
          <strong>Beheerders van een groep</strong> zien de aanmeldingen voor hun eigen groep. Een bewoner ziet de gegevens
          van de beheerders niet; de beheerders nemen zelf contact op.
        </li>
        <li>
          <strong>Team Veiligheid van de gemeente en de wijkagent</strong> van uw wijk zien de contactgegevens van de
          beheerders. We leggen vast wie die gegevens bekijkt, en wanneer. Dat logboek bewaren we een jaar. Daarna
          halen we de namen eruit.
        </li>
      </ul>
      <p className="mt-3">We verkopen gegevens niet en geven ze niet aan anderen.</p>

      <h2 className={h2} id="zoeken-op-adres">
        Wat laat Zoeken op adres zien?
      </h2>
      <p className="mt-3">
        Iedereen kan op de website en via de open data zoeken met een postcode en huisnummer. Het antwoord gaat altijd
        over de hele postcode, nooit over één huis. U ziet:
      </p>
      <ul className="mt-3 list-disc space-y-2 pl-6">
        <li>de wijk van de postcode;</li>
        <li>de groepen waarin ten minste één adres met deze postcode meedoet;</li>
        <li>de andere groepen in de wijk;</li>
        <li>per groep alleen de naam, de beschrijving, de wijk, het aantal adressen en of er een bord is.</li>
      </ul>
      <p className="mt-3">
        U ziet <strong>nooit</strong> of een bepaald huis meedoet, welke huizen meedoen, of waar een beheerder woont. Alle
        huizen met dezelfde postcode krijgen precies hetzelfde antwoord. Het huisnummer vragen we alleen om te controleren
        dat het adres klopt. Ook namen, e-mailadressen en telefoonnummers laat het zoeken nooit zien.
      </p>

      <h2 className={h2}>Uw rechten</h2>
      <p className="mt-3">
        U mag vragen welke gegevens we van u hebben. U kunt ze ook laten verbeteren of verwijderen. Heeft u zich aangemeld
        bij een groep en wilt u dat niet meer? Dan verwijderen we uw aanmelding. Wissen we uw gegevens, dan verdwijnen
        ook de e-mails die we u stuurden en de e-mails waarin uw gegevens staan.
      </p>
      <div className="mt-3">
        Stuur hiervoor een e-mail naar <MunicipalityContact municipalities={municipalities} subject="Mijn gegevens" />. U
        krijgt binnen een maand antwoord.
      </div>
      <p className="mt-3">
        Bent u het niet eens met hoe we met uw gegevens omgaan? Dan kunt u een klacht indienen bij de{" "}
        <a href="https://autoriteitpersoonsgegevens.nl">Autoriteit Persoonsgegevens</a>.
      </p>
    </Container>
  );
}
