import { renderMail, type MailBlock, type MailContent } from "./layout";

/** To a resident whose join request was accepted: the next step, with the invite link if stored. */
export function joinAcceptedMail(input: {
  residentName: string;
  groupName: string;
  whatsappInviteUrl: string | null;
  message: string;
}): MailContent {
  const blocks: MailBlock[] = [
    { type: "paragraph", text: `Goed nieuws: de beheerder van ${input.groupName} heeft uw aanmelding geaccepteerd.` },
  ];
  if (input.message) blocks.push({ type: "paragraph", text: `Bericht van de beheerder: ${input.message}` });
  if (input.whatsappInviteUrl) {
    blocks.push(
      { type: "paragraph", text: "Wat moet u nu doen? Open de link hieronder op uw telefoon. Dan komt u in de WhatsApp-groep." },
      { type: "button", label: "Naar de WhatsApp-groep", url: input.whatsappInviteUrl },
    );
  } else {
    blocks.push({
      type: "paragraph",
      text: "Wat gebeurt er nu? De beheerder voegt u toe aan de WhatsApp-groep. Dat gebeurt via het mobiele nummer dat u hebt opgegeven.",
    });
  }
  blocks.push({
    type: "paragraph",
    text: "Ziet u iets verdachts? Bel altijd eerst 112. Zet daarna pas een bericht in de groep.",
  });
  return renderMail({ subject: `U bent welkom in ${input.groupName}`, greeting: `Beste ${input.residentName},`, blocks });
}
