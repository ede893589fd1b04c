/**
 * The browser's check of /groep-starten, loaded by the form when it first checks a step: the
 * same schema as the server (registerGroupSchema), through react-hook-form's zod resolver.
 */
import "@/lib/validation/zod-config";
import { zodResolver } from "@hookform/resolvers/zod";
import { registerGroupSchema } from "@/lib/validation/group";

export function registerGroupResolver(today: string) {
  return zodResolver(registerGroupSchema(today));
}
