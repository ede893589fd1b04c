/**
 * Dutch display of a stored phone number (E.164, "+31612345678"): "06 12345678" for a mobile
 * number, "010 1234567" or "0180 123456" for a landline (the area code apart), "0900 8844"
 * style numbers as "0900 884400". A number from abroad, or anything else, is shown as stored.
 */
const TWO_DIGIT_AREAS = new Set(["10", "13", "15", "20", "23", "24", "26", "30", "33", "35", "36", "38", "40", "43", "45", "46", "50", "53", "55", "58", "70", "71", "72", "73", "74", "75", "76", "77", "78", "79"]);

export function formatPhoneNl(phone: string | null | undefined): string {
  if (!phone) return "";
  const match = /^\+31(\d{9})$/.exec(phone);
  if (!match) return phone;
  const national = match[1];
  if (national.startsWith("6")) return `06 ${national.slice(1)}`;
  if (/^(800|900|906|909)/.test(national)) return `0${national.slice(0, 3)} ${national.slice(3)}`;
  const areaLength = TWO_DIGIT_AREAS.has(national.slice(0, 2)) || /^(85|88|91)/.test(national) ? 2 : 3;
  return `0${national.slice(0, areaLength)} ${national.slice(areaLength)}`;
}
