import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AcceptInvitationForm } from "@/components/group/accept-invitation-form";
import { HouseRulesList } from "@/components/group/house-rules";
import { Container } from "@/components/ui/container";
import { requirePagePermission } from "@/lib/auth";
import { getInvitation } from "@/lib/data/invitations";
import { calendarDateIn } from "@/lib/domain";
import { routes } from "@/lib/routes";
import { acceptInvitationAction } from "../../actions";

export const metadata: Metadata = { title: "Uitnodiging als beheerder" };

/** The link from a co-admin invitation: signed in with the invited e-mail, the person accepts. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const user = await requirePagePermission("group.manage", routes.invitation(token));
  const invitation = await getInvitation(user, token);
  return (
    <Container className="max-w-3xl space-y-6">
      {invitation.state === "open" ? (
        <>
          <h1 className="text-3xl font-bold text-brand-800">Word beheerder van {invitation.groupName}</h1>
          <p>
            U bent uitgenodigd om samen de buurtpreventiegroep {invitation.groupName} in de wijk {invitation.areaName} te beheren. Vul uw gegevens
            in. De gemeente en de wijkagent kunnen u dan bereiken. Bewoners zien uw gegevens niet. Uw adres telt mee als deelnemend adres.
          </p>
          <AcceptInvitationForm token={token} today={calendarDateIn(new Date())} prefill={invitation.prefill} houseRules={<HouseRulesList />} action={acceptInvitationAction} />
        </>
      ) : invitation.state === "accepted" ? (
        <>
          <h1 className="text-3xl font-bold text-brand-800">U bent al beheerder</h1>
          <p>
            U hebt deze uitnodiging al aangenomen. <Link href={routes.myGroups.group(invitation.groupId)}>Ga naar {invitation.groupName}</Link>.
          </p>
        </>
      ) : invitation.state === "expired" ? (
        <>
          <h1 className="text-3xl font-bold text-brand-800">Deze uitnodiging is verlopen</h1>
          <p>Vraag een beheerder van {invitation.groupName} om u opnieuw uit te nodigen.</p>
        </>
      ) : invitation.state === "wrong_account" ? (
        <>
          <h1 className="text-3xl font-bold text-brand-800">Deze uitnodiging is voor een ander e-mailadres</h1>
          <p>
            U bent ingelogd als {user.email}. De uitnodiging is verstuurd naar een ander adres. Log uit en log in met het e-mailadres waarop u de
            uitnodiging kreeg.
          </p>
        </>
      ) : (
        <>
          <h1 className="text-3xl font-bold text-brand-800">Deze uitnodiging bestaat niet</h1>
          <p>De link klopt niet of is ingetrokken. Vraag de beheerder om een nieuwe uitnodiging.</p>
        </>
      )}
    </Container>
  );
}
