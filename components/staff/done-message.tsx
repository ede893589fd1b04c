import { FocusedMessage } from "@/components/staff/focused-message";
import { Alert } from "@/components/ui/alert";

/**
 * The success message after an action on a staff detail page: `done` is the URL's key (e.g.
 * ?gelukt=approve) and `messages` the page's text per key; an unknown or absent key shows nothing.
 */
export function DoneMessage({ done, messages }: { done: string | undefined; messages: Record<string, string> }) {
  if (!done || !messages[done]) return null;
  return (
    <FocusedMessage focusKey={done}>
      <Alert tone="success" role="status" title={messages[done]} />
    </FocusedMessage>
  );
}
