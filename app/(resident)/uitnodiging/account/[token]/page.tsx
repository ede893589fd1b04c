import type { Metadata } from "next";
import { connection } from "next/server";
import { AcceptStaffInvitationForm } from "@/components/account/accept-staff-invitation-form";
import { Container } from "@/components/ui/container";
import { requireUser } from "@/lib/auth";
import { getStaffInvitation } from "@/lib/data/resident/staff-invitations";
import { routes } from "@/lib/routes";
import { acceptStaffInvitationAction } from "../../../actions";

export const metadata: Metadata = { title: "Uitnodiging voor de gemeente" };

/**
 * The link from an invitation to a staff or wijkagent role: signed in with the invited
 * address, the person accepts. Nothing about the account changes before that.
 */
export default async function StaffInvitationPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const user = await requireUser(routes.staffInvitation(token));
  const invitation = await getStaffInvitation(user, token);
  return (
    <Container className="max-w-3xl space-y-6">
      {invitation.state === "open" ? (
        <>
          <h1 className="text-3xl font-bold text-brand-800">
            Word {invitation.roleLabel} voor {invitation.municipalityName}
          </h1>
          <p>
            De gemeente {invitation.municipalityName} nodigt u uit als {invitation.roleLabel}. Neemt u de uitnodiging aan, dan krijgt uw account
            ({user.email}) deze rol. U ziet dan de gegevens die bij die rol horen.
          </p>
          {invitation.soleAdminOf.length > 0 ? (
            <p className="rounded border-l-4 border-amber-600 bg-amber-50 px-4 py-3">
              U bent de enige beheerder van: {invitation.soleAdminOf.join(", ")}. Een medewerker of wijkagent beheert geen groep. Maak eerst
              iemand anders beheerder, of hef de groep op. Open daarna deze link opnieuw.
            </p>
          ) : (
            <AcceptStaffInvitationForm token={token} groupsToLeave={invitation.groupsToLeave} action={acceptStaffInvitationAction} />
          )}
        </>
      ) : invitation.state === "accepted" ? (
        <>
          <h1 className="text-3xl font-bold text-brand-800">U hebt deze uitnodiging al aangenomen</h1>
          <p>Uw account werkt voor {invitation.municipalityName}.</p>
        </>
      ) : invitation.state === "expired" ? (
        <>
          <h1 className="text-3xl font-bold text-brand-800">Deze uitnodiging is verlopen</h1>
          <p>Vraag de gemeente {invitation.municipalityName} om u opnieuw uit te nodigen.</p>
        </>
      ) : invitation.state === "has_role" ? (
        <>
          <h1 className="text-3xl font-bold text-brand-800">Uw account heeft al een rol</h1>
          <p>
            Uw account werkt al als medewerker, wijkagent of beheerder. Vraag de gemeente waarvoor u nu werkt om die rol eerst te beëindigen.
            Vraag daarna {invitation.municipalityName} om een nieuwe uitnodiging.
          </p>
        </>
      ) : invitation.state === "wrong_account" ? (
        <>
          <h1 className="text-3xl font-bold text-brand-800">Deze uitnodiging is voor een ander e-mailadres</h1>
          <p>
            U bent ingelogd als {user.email}. Log uit en log in met het e-mailadres waarop u de uitnodiging kreeg.
          </p>
        </>
      ) : (
        <>
          <h1 className="text-3xl font-bold text-brand-800">Deze uitnodiging bestaat niet</h1>
          <p>De link klopt niet of is vervangen door een nieuwere uitnodiging.</p>
        </>
      )}
    </Container>
  );
}
