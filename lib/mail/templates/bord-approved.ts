import { wethouderGreeting } from "@/lib/format";
import { renderMail, type MailContent } from "./layout";

export interface BordApprovedMail {
  audience: "group_admin" | "wijkagent" | "wethouder";
  recipientName: string | null;
  groupName: string;
  areaName: string;
  bordCount: number;
  street: string;
  /** Link to the group's own pages (admins) or the group's public page (others). */
  url: string;
}

/** A bord request was approved: to the group's admins, the wijkagent(s) and the wethouder. */
export function bordApprovedMail(input: BordApprovedMail): MailContent {
  const greeting =
    input.audience === "wethouder" ? wethouderGreeting(input.recipientName) : input.recipientName ? `Beste ${input.recipientName},` : "Beste lezer,";
  const facts: Array<[string, string]> = [
    ["Groep", input.groupName],
    ["Wijk", input.areaName],
    ["Aantal borden", String(input.bordCount)],
    ["Gewenste plek", input.street],
  ];
  if (input.audience === "group_admin") {
    return renderMail({
      subject: `Bordaanvraag goedgekeurd: ${input.groupName}`,
      greeting,
      blocks: [
        { type: "paragraph", text: `Goed nieuws: de gemeente heeft de aanvraag voor een buurtpreventiebord van ${input.groupName} goedgekeurd.` },
        { type: "facts", rows: facts },
        {
          type: "paragraph",
          text: "De gemeente plaatst het bord. Wij laten u weten wanneer het staat. U hoeft nu niets te doen.",
        },
        { type: "button", label: "Bekijk de aanvraag", url: input.url },
      ],
    });
  }
  return renderMail({
    subject: `Buurtpreventiebord goedgekeurd in ${input.areaName}: ${input.groupName}`,
    greeting,
    blocks: [
      {
        type: "paragraph",
        text: `De gemeente heeft een buurtpreventiebord goedgekeurd voor de WhatsApp-buurtpreventiegroep ${input.groupName} in ${input.areaName}. U krijgt dit bericht omdat u ${input.audience === "wijkagent" ? "wijkagent" : "wethouder"} van deze wijk bent.`,
      },
      { type: "facts", rows: facts },
      { type: "button", label: "Bekijk de groep", url: input.url },
    ],
  });
}
