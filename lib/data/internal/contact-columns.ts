/**
 * The columns of a wijk contact (wijkagent or wethouder) as staff keep it, for the staff list of
 * contacts and the right-of-access export. For lib/data only.
 */
import "server-only";
import { contacts } from "@/db/schema";

export const contactColumns = {
  id: contacts.id,
  kind: contacts.kind,
  name: contacts.name,
  email: contacts.email,
  phone: contacts.phone,
};
