import { renderMail, type MailContent } from "./layout";

export interface UserInvitedMail {
  recipientName: string | null;
  roleLabel: string;
  municipalityName: string;
  signInUrl: string;
}

/** A staff or wijkagent account was made for someone: how to sign in. */
export function userInvitedMail(input: UserInvitedMail): MailContent {
  return renderMail({
    subject: `Uw account als ${input.roleLabel} voor ${input.municipalityName}`,
    greeting: input.recipientName ? `Beste ${input.recipientName},` : "Beste lezer,",
    blocks: [
      {
        type: "paragraph",
        text: `U heeft een account gekregen als ${input.roleLabel} voor de gemeente ${input.municipalityName} op de website voor WhatsApp-buurtpreventie.`,
      },
      {
        type: "paragraph",
        text: "U logt in met dit e-mailadres. U hoeft geen wachtwoord te onthouden: u krijgt bij elke keer inloggen een link per e-mail.",
      },
      { type: "button", label: "Inloggen", url: input.signInUrl },
      { type: "paragraph", text: "Verwachtte u dit bericht niet? Dan kunt u het negeren." },
    ],
  });
}
