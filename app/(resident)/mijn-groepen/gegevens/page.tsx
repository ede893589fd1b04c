import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { OwnDetailsForm } from "@/components/group/own-details-form";
import { Container } from "@/components/ui/container";
import { requirePagePermission } from "@/lib/auth";
import { getOwnDetails } from "@/lib/data/resident/account";
import { routes } from "@/lib/routes";
import { updateOwnDetailsAction } from "../../actions";

export const metadata: Metadata = { title: "Mijn gegevens" };

/** A group admin's own name, phone and address: the municipality and the wijkagent reach them with these. */
export default async function OwnDetailsPage() {
  await connection();
  const user = await requirePagePermission("group.manage", routes.myGroups.ownDetails);
  const details = await getOwnDetails(user);
  return (
    <Container className="max-w-3xl space-y-6">
      <p className="text-sm">
        <Link href={routes.myGroups.list}>Mijn groepen</Link> <span aria-hidden="true">›</span> Mijn gegevens
      </p>
      <h1 className="text-3xl font-bold text-brand-800">Mijn gegevens</h1>
      <p>
        De gemeente en de wijkagent bereiken u met deze gegevens. Bewoners zien ze niet. U logt in met <strong className="break-all">{details.email}</strong>;
        dat adres kunt u hier niet veranderen.
      </p>
      <p>
        Verhuist u? Verander dan ook uw adres bij de <Link href={routes.myGroups.list}>adressen van uw groep</Link>, als u daar nog meedoet.
      </p>
      <OwnDetailsForm initial={details} action={updateOwnDetailsAction} />
    </Container>
  );
}
