/**
 * The house rules of a WhatsApp buurtpreventie group, as data, so pages, forms
 * and e-mails render one text. Dutch at B1 level, in the application's own words.
 * Raise HOUSE_RULES_VERSION when the meaning changes, and store the version someone accepted.
 */
export const HOUSE_RULES_VERSION = 1;

export const EMERGENCY_NUMBER = "112";
export const POLICE_NON_EMERGENCY_NUMBER = "0900-8844";

export interface SaarStep {
  letter: "S" | "A" | "R";
  /** The word the letter stands for. */
  word: string;
  text: string;
}

export interface HouseRule {
  id: HouseRuleId;
  title: string;
  text: string;
  /** Only the SAAR rule has steps. */
  steps?: readonly SaarStep[];
}

export type HouseRuleId =
  | "adults_only"
  | "living_in_netherlands"
  | "call_112_first"
  | "saar"
  | "tell_group_about_112_call"
  | "businesslike_and_respectful"
  | "no_right_to_break_rules"
  | "photos_only_when_needed"
  | "stay_on_topic";

export const SAAR_STEPS: readonly SaarStep[] = [
  {
    letter: "S",
    word: "Signaleer",
    text: "U ziet of hoort iets wat niet klopt. Denk aan een inbraak, vernielingen, iemand die wordt bedreigd, geslagen of beroofd, of een persoon die vermist is.",
  },
  {
    letter: "A",
    word: "Alarmeer 112",
    text: `Bel ${EMERGENCY_NUMBER} en zeg in welke wijk het gebeurt. Is er geen haast? Bel dan de politie op ${POLICE_NON_EMERGENCY_NUMBER}.`,
  },
  {
    letter: "A",
    word: "App",
    text: "Zet daarna een bericht in de groep, zodat uw buren weten wat er aan de hand is.",
  },
  {
    letter: "R",
    word: "Reageer",
    text: "Laat de verdachte merken dat er mensen thuis of in de buurt zijn. Zo weet hij dat hij gezien wordt. Maar uw eigen veiligheid gaat altijd voor.",
  },
];

export const HOUSE_RULES: readonly HouseRule[] = [
  {
    id: "adults_only",
    title: "Alleen voor volwassenen",
    text: "Iedereen in de groep is 18 jaar of ouder.",
  },
  {
    id: "living_in_netherlands",
    title: "U woont in Nederland",
    text: "Alle deelnemers hebben een woonadres in Nederland.",
  },
  {
    id: "call_112_first",
    title: "De groep vervangt 112 niet",
    text: `De groep is een initiatief van bewoners, niet van de politie. De politie komt pas in actie als iemand ${EMERGENCY_NUMBER} belt. Een bericht in de groep is dus nooit genoeg: bel altijd zelf ${EMERGENCY_NUMBER}.`,
  },
  {
    id: "saar",
    title: "Werk volgens SAAR",
    text: "Ziet u iets verdachts? Volg dan deze vier stappen, in deze volgorde.",
    steps: SAAR_STEPS,
  },
  {
    id: "tell_group_about_112_call",
    title: "Zeg het als u 112 hebt gebeld",
    text: `Laat in de groep weten dat u ${EMERGENCY_NUMBER} al hebt gebeld. Dan hoeven anderen niet ook te bellen, en krijgt 112 niet heel veel meldingen over hetzelfde voorval.`,
  },
  {
    id: "businesslike_and_respectful",
    title: "Blijf zakelijk en netjes",
    text: "Schrijf kort en zakelijk. Wees beleefd tegen iedereen, ook als u het ergens niet mee eens bent.",
  },
  {
    id: "no_right_to_break_rules",
    title: "U bent geen politie",
    text: "Meedoen aan de groep geeft u geen extra rechten. Ook voor u gelden alle regels en wetten.",
  },
  {
    id: "photos_only_when_needed",
    title: "Foto's alleen als het echt nodig is",
    text: "Stuur alleen een foto van een persoon als dat echt nodig is of echt helpt. Let dan vooral op hoe de dader eruitziet, welke kleding hij draagt en in welk voertuig hij rijdt.",
  },
  {
    id: "stay_on_topic",
    title: "Alleen berichten over veiligheid",
    text: "Gebruik de groep alleen voor de veiligheid in de buurt. Praat over andere dingen ergens anders. Zo mist niemand een belangrijk bericht.",
  },
];
