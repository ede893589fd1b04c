import { PageLink } from "@/components/ui/page-link";
import { Container } from "@/components/ui/container";

export default function GroupNotFound() {
  return (
    <Container className="max-w-3xl">
      <h1 className="text-3xl font-bold text-brand-800">Deze groep bestaat niet</h1>
      <p className="mt-4">
        We kunnen deze buurtpreventiegroep niet vinden. Misschien is de link oud, of is de groep opgeheven.
      </p>
      <ul className="mt-4 list-disc pl-6">
        <li>
          <PageLink href="/">Zoek een groep op uw adres</PageLink>
        </li>
        <li>
          <PageLink href="/wijken">Bekijk de groepen per wijk</PageLink>
        </li>
      </ul>
    </Container>
  );
}
