/**
 * The e-mails of a join request (aanmelding): one to each admin of the group, with the
 * resident's contact details and a link to where they handle it, and a confirmation to the
 * resident. The resident's mail names no admin: residents reach admins only through the form.
 */
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { EMERGENCY_NUMBER, POLICE_NON_EMERGENCY_NUMBER, formatAddress } from "@/lib/domain";
import { JOIN_REQUEST_RETENTION_DAYS } from "@/lib/domain/retention";
import { routes } from "@/lib/routes";
import { renderMail, type MailBlock, type MailContent } from "./layout";

export interface JoinRequestMailResident {
  name: string;
  email: string;
  /** E.164, e.g. +31612345678. */
  phone: string;
  postcode: string;
  houseNumber: number;
  addition: string;
}


/** "+31612345678" → "06 12345678"; anything it cannot read comes back unchanged. */
export function formatPhone(phone: string): string {
  const parsed = parsePhoneNumberFromString(phone, "NL");
  return parsed?.isValid() ? parsed.formatNational() : phone;
}

/** The resident's contact details as a block of facts. */
function residentFacts(resident: JoinRequestMailResident): MailBlock {
  return {
    type: "facts",
    rows: [
      ["Naam", resident.name],
      ["E-mailadres", resident.email],
      ["Mobiel nummer", formatPhone(resident.phone)],
      ["Adres", formatAddress(resident)],
    ],
  };
}

export function joinRequestAdminMail(input: {
  appUrl: string;
  groupId: string;
  groupName: string;
  /** The admin's name, when known; otherwise a general greeting. */
  adminName: string | null;
  resident: JoinRequestMailResident;
}): MailContent {
  const { resident } = input;
  return renderMail({
    subject: `Nieuwe aanmelding voor ${input.groupName}`,
    greeting: input.adminName ? `Beste ${input.adminName},` : "Beste groepsbeheerder,",
    blocks: [
      {
        type: "paragraph",
        text: `${resident.name} wil meedoen met uw buurtpreventiegroep ${input.groupName}. De website heeft gecontroleerd dat deze bewoner 18 jaar of ouder is, een Nederlands adres heeft opgegeven en de huisregels heeft geaccepteerd.`,
      },
      residentFacts(resident),
      {
        type: "paragraph",
        text: "Woont deze bewoner in het gebied van uw groep? Voeg het nummer dan toe aan de WhatsApp-groep. Accepteer of wijs de aanmelding daarna af op de website. Dan krijgt de bewoner bericht en telt het adres mee voor de groep.",
      },
      { type: "button", label: "Aanmelding bekijken", url: `${input.appUrl}${routes.myGroups.joinRequests(input.groupId)}` },
      {
        type: "paragraph",
        text: `Gebruik deze gegevens alleen voor de buurtpreventiegroep. ${JOIN_REQUEST_RETENTION_DAYS} dagen nadat u de aanmelding heeft afgehandeld, wist de website ze.`,
      },
    ],
  });
}

/** To the municipality's safety mailbox when a group has no admin who can receive the request. */
export function joinRequestWithoutAdminMail(input: {
  groupName: string;
  resident: JoinRequestMailResident;
}): MailContent {
  const { resident } = input;
  return renderMail({
    subject: `Aanmelding voor ${input.groupName} zonder groepsbeheerder`,
    greeting: "Beste medewerker van team Veiligheid,",
    blocks: [
      {
        type: "paragraph",
        text: `Er is een aanmelding binnengekomen voor de buurtpreventiegroep ${input.groupName}, maar de groep heeft geen groepsbeheerder die e-mail kan ontvangen. Zoek een nieuwe beheerder voor de groep, of neem zelf contact op met de bewoner.`,
      },
      residentFacts(resident),
    ],
    closing: "Met vriendelijke groet,\nDe website WhatsApp Buurtpreventie",
  });
}

export function joinRequestConfirmationMail(input: {
  groupName: string;
  /** The municipality's safety mailbox, for someone who did not sign up themselves. */
  municipalityEmail: string;
  resident: JoinRequestMailResident;
}): MailContent {
  const { resident } = input;
  return renderMail({
    subject: `Uw aanmelding voor ${input.groupName}`,
    greeting: `Beste ${resident.name},`,
    blocks: [
      {
        type: "paragraph",
        text: `Bedankt voor uw aanmelding bij de WhatsApp-buurtpreventiegroep ${input.groupName}. We hebben uw gegevens doorgestuurd naar de beheerders van de groep. Zij nemen contact met u op. Accepteren zij uw aanmelding? Dan krijgt u een e-mail met de volgende stap.`,
      },
      {
        type: "facts",
        rows: [
          ["Groep", input.groupName],
          ["Uw adres", formatAddress(resident)],
          ["Uw mobiele nummer", formatPhone(resident.phone)],
        ],
      },
      {
        type: "paragraph",
        text: `Alvast het belangrijkste: ziet u iets verdachts? Bel dan eerst ${EMERGENCY_NUMBER}. Zet het pas daarna in de groep. Is er geen spoed? Bel dan de politie op ${POLICE_NON_EMERGENCY_NUMBER}.`,
      },
      {
        type: "paragraph",
        text: `Heeft u zich niet zelf aangemeld? Dan heeft iemand anders uw e-mailadres ingevuld. Stuur dan een e-mail naar ${input.municipalityEmail}. Dan verwijderen we de aanmelding.`,
      },
    ],
  });
}
