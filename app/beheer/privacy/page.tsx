import type { Metadata } from "next";
import { Container } from "@/components/ui/container";
import { requirePagePermission } from "@/lib/auth";
import { routes } from "@/lib/routes";
import { erasePersonalDataAction, previewErasureAction } from "./actions";
import { PrivacyRequestForm } from "./privacy-request-form";

export const metadata: Metadata = { title: "Gegevens van een persoon" };

/** Platform admins: the rights of the people concerned (AVG) — export or erase by e-mail address. */
export default async function PrivacyRequestsPage() {
  await requirePagePermission("privacy.manage", routes.staff.privacy);
  return (
    <Container>
      <h1 className="text-3xl font-bold text-brand-800">Gegevens van een persoon</h1>
      <div className="mt-4 max-w-3xl space-y-3">
        <p>
          Iemand mag vragen welke gegevens we over hem of haar bewaren, en mag vragen om die te wissen. Vul het
          e-mailadres van die persoon in.
        </p>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            <strong>Exporteren</strong> downloadt een bestand (JSON) met alles wat over dit e-mailadres is opgeslagen.
            Stuur dit bestand alleen naar de persoon zelf.
          </li>
          <li>
            <strong>Wissen</strong> laat eerst zien wat er verdwijnt. Pas na uw bevestiging wissen we het account,
            aanmeldingen, uitnodigingen, e-mails en de koppelingen aan groepen. Dit kan niet ongedaan worden gemaakt.
          </li>
        </ul>
        <p>
          We leggen vast dat u een export of wissing deed, maar niet voor welk e-mailadres: het logboek bewaart
          alleen een onherkenbare code.
        </p>
      </div>
      <PrivacyRequestForm previewAction={previewErasureAction} eraseAction={erasePersonalDataAction} />
    </Container>
  );
}
