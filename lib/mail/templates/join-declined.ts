import { renderMail, type MailBlock, type MailContent } from "./layout";

/** To a resident whose join request was declined: polite, with the reason when given. */
export function joinDeclinedMail(input: { residentName: string; groupName: string; reason: string }): MailContent {
  const blocks: MailBlock[] = [
    {
      type: "paragraph",
      text: `Bedankt voor uw aanmelding bij ${input.groupName}. De beheerder kan u helaas niet toevoegen aan deze groep.`,
    },
  ];
  if (input.reason) blocks.push({ type: "paragraph", text: `De beheerder schrijft: ${input.reason}` });
  blocks.push({
    type: "paragraph",
    text: "Wat kunt u nu doen? Zoek op de website of er een andere groep is voor uw adres, of start zelf een groep met uw buren.",
  });
  return renderMail({ subject: `Uw aanmelding bij ${input.groupName}`, greeting: `Beste ${input.residentName},`, blocks });
}
