import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AcceptInvitationForm } from "@/components/group/accept-invitation-form";
import { HouseRulesList } from "@/components/group/house-rules";
import { Container } from "@/components/ui/container";
import { SignInForm } from "@/components/auth/sign-in-form";
import { formatDate } from "@/components/staff/format";
import { getCurrentUser, requirePagePermission } from "@/lib/auth";
import { SIGN_IN_LINK_MAX_AGE_SECONDS } from "@/lib/auth/config";
import { getInvitation, getInvitationPreview } from "@/lib/data/resident/invitations";
import { getEnv } from "@/lib/env";
import { requestSignInLinkAction } from "../../../(public)/inloggen/actions";
import { calendarDateIn } from "@/lib/domain";
import { routes } from "@/lib/routes";
import { acceptInvitationAction } from "../../actions";

export const metadata: Metadata = { title: "Uitnodiging als beheerder" };

/** The link from a co-admin invitation: signed in with the invited e-mail, the person accepts. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  if (!(await getCurrentUser())) return <InvitationBeforeSignIn token={token} />;
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

/**
 * The invitation link opened without being signed in: what the invitation is (group, wijk,
 * who invited) and the sign-in form with the invited address filled in; after signing in the
 * person comes back here to accept.
 */
async function InvitationBeforeSignIn({ token }: { token: string }) {
  const preview = await getInvitationPreview(token);
  if (!preview) {
    return (
      <Container className="max-w-3xl space-y-6">
        <h1 className="text-3xl font-bold text-brand-800">Deze uitnodiging werkt niet</h1>
        <p>
          De link klopt niet, is al gebruikt, is verlopen of is ingetrokken. Vraag de beheerder om een nieuwe uitnodiging. Hebt u de uitnodiging al
          aangenomen? <Link href={routes.signIn}>Log dan in</Link>.
        </p>
      </Container>
    );
  }
  return (
    <Container className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">Uitnodiging voor {preview.groupName}</h1>
      <p>
        {preview.invitedByName ?? "Een beheerder"} nodigt u uit om samen de buurtpreventiegroep {preview.groupName} in de wijk {preview.areaName} te
        beheren. De uitnodiging is geldig tot en met {formatDate(preview.expiresAt)}.
      </p>
      <h2 className="text-2xl font-bold">Zo neemt u de uitnodiging aan</h2>
      <ol className="list-decimal space-y-1 pl-6">
        <li>
          Log in met het e-mailadres waarop u de uitnodiging kreeg (<span className="whitespace-nowrap">{preview.emailHint}</span>). Wij sturen u een inloglink; een wachtwoord is niet
          nodig.
        </li>
        <li>U komt dan terug op deze pagina. Vul uw gegevens in en lees de huisregels.</li>
        <li>Daarna bent u beheerder van de groep.</li>
      </ol>
      <SignInForm
        action={requestSignInLinkAction}
        returnTo={routes.invitation(token)}
        demoAccounts={[]}
        mailboxEnabled={getEnv().mailboxEnabled}
        linkMinutes={SIGN_IN_LINK_MAX_AGE_SECONDS / 60}
      />
    </Container>
  );
}
