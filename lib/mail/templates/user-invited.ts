import { renderMail, type MailContent } from "./layout";

export interface UserInvitedMail {
  recipientName: string | null;
  roleLabel: string;
  municipalityName: string;
  /** The invitation link (/uitnodiging/account/<token>). */
  url: string;
  validDays: number;
}

/**
 * An invitation to a staff or wijkagent role. Every invited address gets this same e-mail,
 * whether it has an account or not: nothing changes until the person accepts.
 */
export function userInvitedMail(input: UserInvitedMail): MailContent {
  return renderMail({
    subject: `Uitnodiging: ${input.roleLabel} voor ${input.municipalityName}`,
    greeting: input.recipientName ? `Beste ${input.recipientName},` : "Beste lezer,",
    blocks: [
      {
        type: "paragraph",
        text: `De gemeente ${input.municipalityName} nodigt u uit als ${input.roleLabel} op de website voor WhatsApp-buurtpreventie.`,
      },
      {
        type: "paragraph",
        text: "Open de link hieronder. U logt in met dit e-mailadres: u krijgt een inloglink per e-mail, u hoeft geen wachtwoord te onthouden. Daarna neemt u de uitnodiging aan. Pas dan krijgt uw account deze rol.",
      },
      { type: "button", label: "Uitnodiging bekijken", url: input.url },
      {
        type: "paragraph",
        text: `De link werkt ${input.validDays} dagen. Verwachtte u dit bericht niet? Dan kunt u het negeren. Er verandert dan niets.`,
      },
    ],
  });
}
