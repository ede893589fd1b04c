import { renderMail, type MailContent } from "./layout";

/** To a wijkagent or wethouder of the wijk: a new buurtpreventiegroep is active (SPEC rule 5). */
export function groupRegisteredMail(input: {
  recipientName: string;
  groupName: string;
  areaName: string;
  municipalityName: string;
  adminName: string;
  adminEmail: string;
  adminPhone: string;
  addressCount: number;
  publicUrl: string;
}): MailContent {
  return renderMail({
    subject: `Nieuwe buurtpreventiegroep in ${input.areaName}: ${input.groupName}`,
    greeting: `Beste ${input.recipientName},`,
    blocks: [
      {
        type: "paragraph",
        text: `In de wijk ${input.areaName} (${input.municipalityName}) is een nieuwe WhatsApp-buurtpreventiegroep aangemeld. U krijgt dit bericht omdat u contactpersoon bent voor deze wijk.`,
      },
      {
        type: "facts",
        rows: [
          ["Groep", input.groupName],
          ["Wijk", input.areaName],
          ["Groepsbeheerder", input.adminName],
          ["E-mail", input.adminEmail],
          ["Telefoon", input.adminPhone],
          ["Deelnemende adressen", String(input.addressCount)],
        ],
      },
      {
        type: "paragraph",
        text: "Wat kunt u doen? Neem gerust contact op met de groepsbeheerder om kennis te maken. U hoeft verder niets te doen.",
      },
      { type: "button", label: "Bekijk de openbare pagina van de groep", url: input.publicUrl },
    ],
  });
}
