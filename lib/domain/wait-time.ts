/**
 * How long someone must wait, in plain Dutch, for a rate limit's message ("Probeer het over
 * 12 minuten opnieuw."). Rounded up: waiting as long as the message says is always enough.
 */
export function formatWaitTime(seconds: number): string {
  const s = Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : 60;
  if (s <= 60) return "een minuut";
  const minutes = Math.ceil(s / 60);
  if (minutes < 60) return `${minutes} minuten`;
  const hours = Math.ceil(minutes / 60);
  return hours === 1 ? "een uur" : `${hours} uur`;
}
