import { renderMail, type MailContent } from "./layout";

export const ADMIN_INVITATION_KIND = "admin_invitation";

/**
 * An invitation to become co-admin (groepsbeheerder) of a group, sent by one of its admins.
 * The link leads to a page where the invited person signs in and accepts.
 */
export function adminInvitationMail(input: {
  groupName: string;
  /** The admin who sent the invitation. */
  invitedByName: string;
  url: string;
  /** How many days the invitation stays valid. */
  validDays: number;
}): MailContent {
  return renderMail({
    subject: `Uitnodiging: beheerder van ${input.groupName}`,
    greeting: "Hallo,",
    blocks: [
      {
        type: "paragraph",
        text: `${input.invitedByName} nodigt u uit om samen de WhatsApp-buurtpreventiegroep "${input.groupName}" te beheren.`,
      },
      {
        type: "paragraph",
        text: "Als beheerder houdt u de lijst met deelnemende adressen bij, neemt u aanmeldingen van buren aan en kunt u een buurtpreventiebord aanvragen. Met twee of meer beheerders hangt de groep niet van één persoon af.",
      },
      { type: "button", label: "Uitnodiging bekijken", url: input.url },
      {
        type: "list",
        items: [
          `De uitnodiging is ${input.validDays} dagen geldig.`,
          "U logt in met dit e-mailadres. U krijgt dan een inloglink per e-mail.",
          "U vult uw naam, telefoonnummer, adres en geboortedatum in. U moet 18 jaar of ouder zijn en in Nederland wonen.",
        ],
      },
      { type: "paragraph", text: "Kent u de afzender niet, of wilt u geen beheerder worden? Dan hoeft u niets te doen." },
    ],
  });
}
