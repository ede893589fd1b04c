import { renderMail, type MailContent } from "./layout";

export const GROUP_DISSOLVED_KIND = "group_dissolved";
export const GROUP_DISSOLVED_BORD_KIND = "group_dissolved_bord";

/**
 * To a wijkagent of the wijk: a group has been dissolved. The same text whoever dissolved it
 * (its admins, the municipality, or an erasure request), so no path tells more than another.
 */
export function groupDissolvedMail(input: { recipientName: string; groupName: string; areaName: string }): MailContent {
  return renderMail({
    subject: `Buurtpreventiegroep opgeheven: ${input.groupName}`,
    greeting: `Beste ${input.recipientName},`,
    blocks: [
      {
        type: "paragraph",
        text: `De WhatsApp-buurtpreventiegroep "${input.groupName}" in de wijk ${input.areaName} is opgeheven.`,
      },
      {
        type: "paragraph",
        text: "De adressen en de gegevens van de beheerders zijn verwijderd. U hoeft niets te doen. Staat er een buurtpreventiebord van deze groep? Dan beslist de gemeente of het blijft staan.",
      },
    ],
  });
}

export type DissolvedBordState = "placed" | "approved" | "withdrawn";

const BORD_STATE_TEXT: Record<DissolvedBordState, string> = {
  placed: "Er staat een bord van deze groep.",
  approved: "Een bord voor deze groep is goedgekeurd, maar nog niet geplaatst.",
  withdrawn: "De groep had een bord aangevraagd. Die aanvraag is nu ingetrokken.",
};

/**
 * To the municipality's safety mailbox (team Veiligheid): a group with a bord (standing,
 * approved or requested) has been dissolved; the team decides what happens with the bord.
 */
export function groupDissolvedBordMail(input: {
  groupName: string;
  areaName: string;
  states: DissolvedBordState[];
  url: string;
}): MailContent {
  const states = [...new Set(input.states)];
  return renderMail({
    subject: `Groep met bord opgeheven: ${input.groupName}`,
    greeting: "Beste team Veiligheid,",
    blocks: [
      {
        type: "paragraph",
        text: `De WhatsApp-buurtpreventiegroep "${input.groupName}" in de wijk ${input.areaName} is opgeheven.`,
      },
      { type: "list", items: states.map((s) => BORD_STATE_TEXT[s]) },
      {
        type: "paragraph",
        text: "Beslis of het bord blijft staan of wordt weggehaald, en of een goedgekeurde aanvraag nog wordt uitgevoerd.",
      },
      { type: "button", label: "Bekijk de groep", url: input.url },
    ],
  });
}
