import { renderMail, type MailContent } from "./layout";

/** To the municipality's safety mailbox: a group asks for one or more bords. */
export function bordRequestReceivedMail(input: {
  groupName: string;
  areaName: string;
  bordCount: number;
  street: string;
  nearHouseNumber: number | null;
  description: string;
  point: { lat: number; lng: number } | null;
  note: string;
  counted: number;
  threshold: number;
  reviewUrl: string;
}): MailContent {
  const rows: Array<[string, string]> = [
    ["Groep", input.groupName],
    ["Wijk", input.areaName],
    ["Aantal borden", String(input.bordCount)],
    ["Straat", input.street],
  ];
  if (input.nearHouseNumber !== null) rows.push(["Bij huisnummer", String(input.nearHouseNumber)]);
  if (input.description) rows.push(["Plek", input.description]);
  if (input.point) rows.push(["Coördinaten", `${input.point.lat}, ${input.point.lng}`]);
  if (input.note) rows.push(["Opmerking", input.note]);
  rows.push(["Adressen in de gemeente", `${input.counted} (drempel ${input.threshold})`]);
  return renderMail({
    subject: `Nieuwe bordaanvraag: ${input.groupName}`,
    greeting: "Beste collega's van team Veiligheid,",
    blocks: [
      { type: "paragraph", text: `De groep ${input.groupName} vraagt een buurtpreventiebord aan.` },
      { type: "facts", rows },
      { type: "paragraph", text: "Wat moet u doen? Bekijk de aanvraag en neem een besluit." },
      { type: "button", label: "Aanvraag bekijken", url: input.reviewUrl },
    ],
  });
}
