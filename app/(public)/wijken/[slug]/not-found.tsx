import { PageLink } from "@/components/ui/page-link";
import { Container } from "@/components/ui/container";

export default function AreaNotFound() {
  return (
    <Container className="max-w-3xl">
      <h1 className="text-3xl font-bold text-brand-800">Deze wijk bestaat niet</h1>
      <p className="mt-4">We kunnen deze wijk niet vinden. Misschien is de link oud, of is er een tikfout gemaakt.</p>
      <ul className="mt-4 list-disc pl-6">
        <li>
          <PageLink href="/wijken">Bekijk alle wijken</PageLink>
        </li>
        <li>
          <PageLink href="/">Zoek een groep op uw adres</PageLink>
        </li>
      </ul>
    </Container>
  );
}
