import { renderMail, type MailContent } from "./layout";

/** To a wijkagent of the wijk: a group has been dissolved by its admins. */
export function groupDissolvedMail(input: { recipientName: string; groupName: string; areaName: string }): MailContent {
  return renderMail({
    subject: `Buurtpreventiegroep opgeheven: ${input.groupName}`,
    greeting: `Beste ${input.recipientName},`,
    blocks: [
      {
        type: "paragraph",
        text: `De beheerders hebben de WhatsApp-buurtpreventiegroep "${input.groupName}" in de wijk ${input.areaName} opgeheven.`,
      },
      {
        type: "paragraph",
        text: "De adressen en de gegevens van de beheerders zijn verwijderd. U hoeft niets te doen. Staat er een buurtpreventiebord van deze groep? Dan beslist de gemeente of het blijft staan.",
      },
    ],
  });
}
