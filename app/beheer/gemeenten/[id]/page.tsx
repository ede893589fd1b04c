import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ConfirmActionButton } from "@/components/group/confirm-action-button";
import { InviteUserForm } from "@/components/staff/invite-user-form";
import { MunicipalityForm } from "@/components/staff/municipality-form";
import { Container } from "@/components/ui/container";
import { requirePagePermission } from "@/lib/auth";
import { getManagedMunicipality, listMunicipalityPeople } from "@/lib/data/platform/municipalities";
import { routes } from "@/lib/routes";
import { inviteUserAction } from "../../actions";
import { setMunicipalityEnabledAction, updateMunicipalityAction } from "../actions";

export const metadata: Metadata = { title: "Gemeente" };

const ROLE_LABELS = { staff: "Medewerker", wijkagent: "Wijkagent", platform_admin: "Platformbeheerder", resident: "Bewoner" } as const;

export default async function MunicipalityPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const user = await requirePagePermission("municipality.manage", routes.staff.municipality(id));
  const municipality = await getManagedMunicipality(user, id);
  if (!municipality) notFound();
  const people = await listMunicipalityPeople(user, municipality.id);
  const q = `?gemeente=${municipality.id}`;
  return (
    <Container>
      <p className="text-sm">
        <Link href={routes.staff.municipalities}>Gemeenten</Link> <span aria-hidden="true">›</span> {municipality.name}
      </p>
      <h1 className="mt-2 text-3xl font-bold text-brand-800">Gemeente {municipality.name}</h1>
      <p className="mt-2">
        {municipality.code} · {municipality.disabled ? <strong>Uitgezet: doet niet mee</strong> : "Doet mee"} · {municipality.areas}{" "}
        {municipality.areas === 1 ? "wijk" : "wijken"} · {municipality.activeGroups} actieve{" "}
        {municipality.activeGroups === 1 ? "groep" : "groepen"}
      </p>
      <p className="mt-2">
        <Link href={`${routes.staff.areas}${q}`}>Wijken en contacten van {municipality.name}</Link>
      </p>

      <section aria-labelledby="gegevens" className="mt-8">
        <h2 id="gegevens" className="text-2xl font-bold">Gegevens</h2>
        <MunicipalityForm
          key={municipality.id}
          municipalityId={municipality.id}
          values={{
            code: municipality.code,
            name: municipality.name,
            bordThreshold: municipality.bordThreshold,
            safetyEmail: municipality.safetyEmail,
          }}
          action={updateMunicipalityAction}
        />
      </section>

      <section aria-labelledby="medewerkers" className="mt-10">
        <h2 id="medewerkers" className="text-2xl font-bold">Medewerkers en wijkagenten ({people.length})</h2>
        {people.length === 0 ? (
          <p className="mt-2">Deze gemeente heeft nog geen medewerkers of wijkagenten.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-300 border-y border-slate-300">
            {people.map((p) => (
              <li key={p.id} className="py-3">
                <p className="font-semibold">{p.name ?? p.email}</p>
                <p className="break-all">{p.email}</p>
                <p className="text-sm text-slate-700">
                  {ROLE_LABELS[p.role]}
                  {p.invited ? " (uitgenodigd, nog niet aangenomen)" : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
        <h3 className="mt-6 text-xl font-bold">Iemand uitnodigen</h3>
        <p className="mt-1 max-w-3xl">
          De persoon krijgt een e-mail met een link. Heeft de persoon al een account, dan krijgt dat account de rol na het aannemen;
          anders wordt er een account gemaakt.
        </p>
        <InviteUserForm municipalities={[{ id: municipality.id, name: municipality.name }]} action={inviteUserAction} />
      </section>

      <section aria-labelledby="meedoen" className="mt-10">
        <h2 id="meedoen" className="text-2xl font-bold">{municipality.disabled ? "Weer laten meedoen" : "Gemeente uitzetten"}</h2>
        {municipality.disabled ? (
          <p className="mt-2 max-w-3xl">
            Deze gemeente is uitgezet. Als u haar weer aanzet, zijn haar groepen weer te vinden en kunnen medewerkers en wijkagenten
            weer inloggen met hun rol.
          </p>
        ) : (
          <p className="mt-2 max-w-3xl">
            Uitzetten wist niets. Zolang de gemeente uit staat: zeggen haar openbare pagina&apos;s en het zoeken op adres dat zij
            niet meer meedoet, kunnen er geen groepen en aanmeldingen bij komen, en werken haar medewerkers en wijkagenten als
            gewone bewoners.
          </p>
        )}
        <div className="mt-3">
          <ConfirmActionButton
            label={municipality.disabled ? "Zet de gemeente weer aan" : "Zet de gemeente uit"}
            confirmQuestion={municipality.disabled ? `${municipality.name} weer laten meedoen?` : `${municipality.name} echt uitzetten?`}
            confirmLabel={municipality.disabled ? "Ja, zet aan" : "Ja, zet uit"}
            action={setMunicipalityEnabledAction}
            payload={{ municipalityId: municipality.id, enabled: municipality.disabled }}
            successMessage={municipality.disabled ? "De gemeente doet weer mee." : "De gemeente is uitgezet."}
            variant={municipality.disabled ? "secondary" : "danger"}
          />
        </div>
      </section>
    </Container>
  );
}
