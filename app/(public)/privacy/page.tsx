import { connection } from "next/server";
import { MunicipalityContact } from "@/components/public/municipality-contact";
import { Container } from "@/components/ui/container";
import { listPublicMunicipalities } from "@/lib/data/public-municipalities";
import { publicMetadata } from "../_lib/metadata";

export const metadata = publicMetadata({
  title: "Privacy",
  description: "Welke gegevens deze website bewaart, waarom, hoe lang, wie ze ziet en hoe u ze laat verwijderen.",
  path: "/privacy",
});

const h2 = "mt-10 text-2xl font-bold";

export default async function PrivacyPage() {
  await connection();
  const municipalities = await listPublicMunicipalities();

  return (
    <Container className="max-w-3xl">
      <h1 className="text-3xl font-bold text-brand-800">Privacyverklaring</h1>
      <p className="mt-4">
        De gemeente gebruikt deze website om WhatsApp-buurtpreventiegroepen te registreren, om bewoners bij een groep te
        laten aansluiten en om buurtpreventieborden te regelen. We bewaren zo weinig mogelijk gegevens, en niet langer dan
        nodig. Hieronder leest u welke gegevens dat zijn en wat u kunt doen.
      </p>

      <h2 className={h2}>Welke gegevens bewaren we, en waarom?</h2>
      <div className="mt-4 overflow-x-auto">
        <table className="w-full min-w-[36rem] border-collapse text-left align-top">
          <caption className="sr-only">Gegevens per groep mensen: wat we bewaren, waarom en hoe lang</caption>
          <thead>
            <tr className="border-b-2 border-slate-600">
              <th scope="col" className="py-2 pr-4">
                Van wie
              </th>
              <th scope="col" className="py-2 pr-4">
                Welke gegevens
              </th>
              <th scope="col" className="py-2 pr-4">
                Waarom
              </th>
              <th scope="col" className="py-2">
                Hoe lang
              </th>
            </tr>
          </thead>
          <tbody className="align-top">
            <tr className="border-b border-slate-300">
              <th scope="row" className="py-3 pr-4">
                Deelnemers van een groep
              </th>
              <td className="py-3 pr-4">Alleen het adres: postcode, huisnummer en toevoeging. Geen naam, geen telefoonnummer.</td>
              <td className="py-3 pr-4">Om te tellen hoeveel adressen meedoen, bijvoorbeeld voor een bord, en om te laten zien welke groep bij een adres hoort.</td>
              <td className="py-3">Zolang het adres bij de groep hoort.</td>
            </tr>
            <tr className="border-b border-slate-300">
              <th scope="row" className="py-3 pr-4">
                Groepsbeheerders
              </th>
              <td className="py-3 pr-4">Naam, e-mailadres, telefoonnummer, geboortedatum en adres.</td>
              <td className="py-3 pr-4">
                Zodat de gemeente en de wijkagent contact kunnen opnemen, en om te controleren dat u 18 jaar of ouder bent.
              </td>
              <td className="py-3">Zolang u beheerder bent. Daarna kunt u vragen om uw gegevens te wissen.</td>
            </tr>
            <tr className="border-b border-slate-300">
              <th scope="row" className="py-3 pr-4">
                Bewoners die zich aanmelden bij een groep
              </th>
              <td className="py-3 pr-4">Naam, e-mailadres, mobiel nummer, adres en geboortedatum.</td>
              <td className="py-3 pr-4">
                Om uw aanmelding door te sturen naar de beheerders van de groep, en om te controleren dat u 18 jaar of ouder
                bent.
              </td>
              <td className="py-3">Tot de aanmelding is afgehandeld. Daarna wissen we uw contactgegevens binnen 30 dagen.</td>
            </tr>
            <tr className="border-b border-slate-300">
              <th scope="row" className="py-3 pr-4">
                Iedereen die inlogt
              </th>
              <td className="py-3 pr-4">E-mailadres, en wanneer u voor het laatst inlogde.</td>
              <td className="py-3 pr-4">Om u te laten inloggen met een link in uw e-mail, zonder wachtwoord.</td>
              <td className="py-3">Zolang u een account heeft.</td>
            </tr>
          </tbody>
        </table>
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
          beheerders. We leggen vast wie die gegevens bekijkt, en wanneer.
        </li>
      </ul>
      <p className="mt-3">We verkopen gegevens niet en geven ze niet aan anderen.</p>

      <h2 className={h2}>Uw rechten</h2>
      <p className="mt-3">
        U mag vragen welke gegevens we van u hebben. U kunt ze ook laten verbeteren of verwijderen. Heeft u zich aangemeld
        bij een groep en wilt u dat niet meer? Dan verwijderen we uw aanmelding.
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
