import { renderMail, type MailContent } from "./layout";

/** To someone invited as co-admin (medebeheerder) of a group: accept through the link. */
export function coAdminInvitationMail(input: {
  groupName: string;
  invitedByName: string;
  acceptUrl: string;
  expiresOn: string;
}): MailContent {
  return renderMail({
    subject: `Uitnodiging: word medebeheerder van ${input.groupName}`,
    greeting: "Beste buurtbewoner,",
    blocks: [
      {
        type: "paragraph",
        text: `${input.invitedByName} nodigt u uit om samen de WhatsApp-buurtpreventiegroep "${input.groupName}" te beheren.`,
      },
      {
        type: "paragraph",
        text: "Wat moet u doen? Klik op de knop. U logt in met dit e-mailadres en vult uw gegevens in. Daarna bent u groepsbeheerder.",
      },
      { type: "button", label: "Uitnodiging bekijken", url: input.acceptUrl },
      {
        type: "paragraph",
        text: `De link werkt tot en met ${input.expiresOn}. Wilt u niet meedoen? Dan hoeft u niets te doen.`,
      },
    ],
  });
}
