/**
 * The columns of what a resident filled in on a join form (name, contact details, birth date,
 * address), for the group admins' list of open requests and the right-of-access export, which
 * both show all of it. For lib/data only.
 */
import "server-only";
import { joinRequests } from "@/db/schema";

export const joinRequestDetails = {
  name: joinRequests.name,
  email: joinRequests.email,
  phone: joinRequests.phone,
  birthDate: joinRequests.birthDate,
  postcode: joinRequests.postcode,
  houseNumber: joinRequests.houseNumber,
  addition: joinRequests.addition,
};
