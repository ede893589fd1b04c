import type { Metadata } from "next";
import { DissolveGroupForm } from "@/components/group/dissolve-group-form";
import { routes } from "@/lib/routes";
import { dissolveGroupAction } from "../../../actions";
import { loadAdminPage } from "../load";

export const metadata: Metadata = { title: "Groep opheffen" };

export default async function DissolvePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { group } = await loadAdminPage(id, routes.myGroups.dissolve);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{group.name} opheffen</h1>
      <p>Stopt de groep? Dan kunt u hem hier opheffen. Dit kunt u niet ongedaan maken.</p>
      <ul className="list-disc space-y-1 pl-6">
        <li>Alle {group.total} deelnemende adressen worden verwijderd.</li>
        <li>Open en afgehandelde aanmeldingen worden verwijderd.</li>
        <li>De beheerders zijn geen beheerder meer van deze groep. Uitnodigingen vervallen.</li>
        <li>Een bordaanvraag die nog niet is goedgekeurd, wordt ingetrokken.</li>
        <li>De gemeente houdt alleen de naam, de wijk en de datums, zonder persoonsgegevens.</li>
        <li>De wijkagent krijgt een e-mail dat de groep is opgeheven.</li>
      </ul>
      <p>Vergeet niet ook de WhatsApp-groep zelf op te heffen of de leden te laten weten dat de groep stopt.</p>
      <DissolveGroupForm groupId={group.id} groupName={group.name} action={dissolveGroupAction} />
    </div>
  );
}
