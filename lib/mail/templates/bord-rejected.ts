import { renderMail, type MailContent } from "./layout";

export interface BordRejectedMail {
  recipientName: string | null;
  groupName: string;
  reason: string;
  url: string;
}

/** A bord request was rejected: to the group's admins, with the reason. */
export function bordRejectedMail(input: BordRejectedMail): MailContent {
  return renderMail({
    subject: `Bordaanvraag afgewezen: ${input.groupName}`,
    greeting: input.recipientName ? `Beste ${input.recipientName},` : "Beste groepsbeheerder,",
    blocks: [
      { type: "paragraph", text: `De gemeente heeft de aanvraag voor een buurtpreventiebord van ${input.groupName} afgewezen.` },
      { type: "paragraph", text: `De reden:\n${input.reason}` },
      {
        type: "paragraph",
        text: "Heeft u een vraag hierover, of is er iets veranderd? Dan kunt u later een nieuwe aanvraag doen.",
      },
      { type: "button", label: "Bekijk de aanvraag", url: input.url },
    ],
  });
}
