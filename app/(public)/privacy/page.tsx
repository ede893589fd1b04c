import type { Metadata } from "next";
import { Container } from "@/components/ui/container";

export const metadata: Metadata = {
  title: "Privacy",
  description: "Welke gegevens deze website bewaart, waarom, hoe lang en wie ze ziet.",
};

export default function PrivacyPage() {
  return (
    <Container className="max-w-3xl">
      <h1 className="text-3xl font-bold text-brand-800">Privacyverklaring</h1>
      <p className="mt-4">
        De gemeente gebruikt deze website om WhatsApp-buurtpreventiegroepen te registreren. We bewaren zo weinig
        mogelijk gegevens, en alleen zo lang als nodig. Hieronder leest u welke gegevens dat zijn.
      </p>
      <h2 className="mt-8 text-2xl font-bold">Welke gegevens bewaren we?</h2>
      <ul className="mt-3 list-disc space-y-2 pl-6">
        <li>
          <strong>Deelnemende adressen</strong>: alleen postcode, huisnummer en toevoeging. Geen namen of
          telefoonnummers van deelnemers.
        </li>
        <li>
          <strong>Groepsbeheerders</strong>: naam, e-mailadres, telefoonnummer, geboortedatum en adres. Zo kan de
          gemeente of de wijkagent contact opnemen, en controleren we dat u 18 jaar of ouder bent.
        </li>
        <li>
          <strong>Aanmeldingen van bewoners</strong>: naam, e-mailadres, mobiel nummer, adres en geboortedatum. We
          geven deze alleen door aan de beheerders van de groep. Na afhandeling wissen we de contactgegevens binnen
          30 dagen.
        </li>
      </ul>
      <h2 className="mt-8 text-2xl font-bold">Wie ziet uw gegevens?</h2>
      <p className="mt-3">
        Bezoekers van de website zien nooit persoonsgegevens. Groepsbeheerders zien de aanmeldingen voor hun eigen
        groep. Medewerkers van team Veiligheid en de wijkagent van uw wijk zien de contactgegevens van de
        groepsbeheerders. Elke keer dat zij die gegevens bekijken, leggen we dat vast.
      </p>
      <h2 className="mt-8 text-2xl font-bold">Uw rechten</h2>
      <p className="mt-3">
        U mag vragen welke gegevens we van u hebben, en u kunt ze laten aanpassen of verwijderen. Stuur daarvoor
        een e-mail aan team Veiligheid van uw gemeente. Bent u het niet eens met hoe we met uw gegevens omgaan? Dan
        kunt u een klacht indienen bij de Autoriteit Persoonsgegevens.
      </p>
    </Container>
  );
}
