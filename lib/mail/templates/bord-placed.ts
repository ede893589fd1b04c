import { formatDate } from "@/lib/format";
import { renderMail, type MailContent } from "./layout";

export interface BordPlacedMail {
  recipientName: string | null;
  groupName: string;
  /** YYYY-MM-DD */
  placedOn: string;
  placedLocation: string;
  placedCount: number;
  url: string;
}

function dutchDate(isoDate: string): string {
  return formatDate(isoDate);
}

/** The bord has been placed: to the group's admins. */
export function bordPlacedMail(input: BordPlacedMail): MailContent {
  return renderMail({
    subject: `Buurtpreventiebord geplaatst: ${input.groupName}`,
    greeting: input.recipientName ? `Beste ${input.recipientName},` : "Beste groepsbeheerder,",
    blocks: [
      {
        type: "paragraph",
        text: `Het buurtpreventiebord van ${input.groupName} staat er. ${input.placedCount === 1 ? "Er is 1 bord geplaatst." : `Er zijn ${input.placedCount} borden geplaatst.`}`,
      },
      {
        type: "facts",
        rows: [
          ["Datum", dutchDate(input.placedOn)],
          ["Plek", input.placedLocation],
          ["Aantal", String(input.placedCount)],
        ],
      },
      {
        type: "paragraph",
        text: "Vertel het uw buren: een bord laat zien dat de buurt oplet. Ziet u schade aan het bord? Meld het bij de gemeente.",
      },
      { type: "button", label: "Bekijk uw groep", url: input.url },
    ],
  });
}
