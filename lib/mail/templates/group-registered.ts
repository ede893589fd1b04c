import { wethouderGreeting } from "@/lib/format";
import { renderMail, type MailContent } from "./layout";

/** To a wijkagent or wethouder of the wijk: a new buurtpreventiegroep is active. */
export function groupRegisteredMail(input: {
  recipientName: string;
  /** A wethouder is greeted formally: "Geachte wethouder De Graaf,". */
  recipientKind?: "wijkagent" | "wethouder";
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
    greeting: input.recipientKind === "wethouder" ? wethouderGreeting(input.recipientName) : `Beste ${input.recipientName},`,
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

/** To the person who registered the group: it is registered, and what happens next. */
export function groupRegisteredAdminMail(input: {
  adminName: string;
  groupName: string;
  areaName: string;
  addressCount: number;
  threshold: number;
  invited: number;
  groupUrl: string;
}): MailContent {
  const missing = Math.max(0, input.threshold - input.addressCount);
  return renderMail({
    subject: `Uw groep is aangemeld: ${input.groupName}`,
    greeting: `Beste ${input.adminName},`,
    blocks: [
      {
        type: "paragraph",
        text: `Bedankt! De buurtpreventiegroep ${input.groupName} in de wijk ${input.areaName} is aangemeld. U bent beheerder van de groep.`,
      },
      {
        type: "list",
        items: [
          "De wijkagent en de wethouder van de wijk krijgen een e-mail met de naam van de groep en uw contactgegevens.",
          "Buren vinden de groep op de website en kunnen zich aanmelden. U krijgt dan een e-mail.",
          input.invited > 0
            ? `${input.invited === 1 ? "De medebeheerder die u uitnodigde krijgt" : `De ${input.invited} medebeheerders die u uitnodigde krijgen`} een e-mail met een link.`
            : "Nodig liever nog iemand uit als medebeheerder, zodat de groep niet van één persoon afhangt.",
          missing > 0
            ? `Bij ${input.threshold} adressen kunt u een buurtpreventiebord aanvragen. U hebt er nu ${input.addressCount}.`
            : `U hebt ${input.addressCount} adressen: genoeg om een buurtpreventiebord aan te vragen.`,
        ],
      },
      { type: "button", label: "Naar uw groep", url: input.groupUrl },
    ],
  });
}
