import type { Metadata } from "next";
import { Container } from "@/components/ui/container";

export const metadata: Metadata = {
  title: "Toegankelijkheid",
  description: "Toegankelijkheidsverklaring van de website WhatsApp Buurtpreventie.",
};

export default function AccessibilityPage() {
  return (
    <Container className="max-w-3xl">
      <h1 className="text-3xl font-bold text-brand-800">Toegankelijkheidsverklaring</h1>
      <p className="mt-4">
        Iedereen moet deze website kunnen gebruiken, ook mensen met een beperking. Daarom bouwen we de website
        volgens de norm <strong>WCAG 2.1 niveau AA</strong>, zoals de wet voorschrijft voor overheidswebsites.
      </p>
      <h2 className="mt-8 text-2xl font-bold">Hoe we dat controleren</h2>
      <p className="mt-3">
        Bij elke wijziging testen we alle pagina&apos;s automatisch op toegankelijkheid. Ook testen we of de
        belangrijkste taken te doen zijn met alleen een toetsenbord.
      </p>
      <h2 className="mt-8 text-2xl font-bold">Status</h2>
      <p className="mt-3">
        De website voldoet gedeeltelijk aan de norm: een onderzoek door een onafhankelijke partij heeft nog niet
        plaatsgevonden. Bekende problemen lossen we zo snel mogelijk op.
      </p>
      <h2 className="mt-8 text-2xl font-bold">Iets werkt niet?</h2>
      <p className="mt-3">
        Kunt u iets niet vinden of gebruiken? Laat het ons weten via een e-mail aan team Veiligheid van uw
        gemeente. U krijgt binnen 5 werkdagen antwoord.
      </p>
    </Container>
  );
}
