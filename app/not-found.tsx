import Link from "next/link";
import { Container } from "@/components/ui/container";

export default function NotFound() {
  return (
    <Container className="max-w-3xl">
      <h1 className="text-3xl font-bold text-brand-800">Deze pagina bestaat niet</h1>
      <p className="mt-4">
        De pagina die u zoekt is er niet (meer). Misschien is de link oud, of is er een tikfout gemaakt.
      </p>
      <ul className="mt-4 list-disc pl-6">
        <li>
          <Link href="/">Zoek een groep op uw adres</Link>
        </li>
        <li>
          <Link href="/wijken">Bekijk de groepen per wijk</Link>
        </li>
      </ul>
    </Container>
  );
}
