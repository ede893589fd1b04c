"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formDataOrEmpty, signedInAction, type ActionResult } from "@/lib/actions";
import { formValues, type BordFormState } from "@/components/bords/form-state";
import { bordRequestFieldsSchema, bordRequestFromFields } from "@/lib/validation/bord-request";
import { dissolveGroup } from "@/lib/data/resident/group-dissolve";
import { registerGroup, type RegisteredGroup } from "@/lib/data/resident/group-registration";
import { removeGroupAdmin } from "@/lib/data/resident/group-admins";
import { updateGroupDetails } from "@/lib/data/resident/my-groups";
import { updateOwnDetails } from "@/lib/data/resident/account";
import { acceptCurrentHouseRules } from "@/lib/data/resident/house-rules";
import { acceptInvitation, cancelInvitation, inviteCoAdmin } from "@/lib/data/resident/invitations";
import { acceptStaffInvitation } from "@/lib/data/resident/staff-invitations";
import { decideJoinRequest } from "@/lib/data/resident/join-requests";
import { addMemberAddress, addMemberAddressList, removeMemberAddress } from "@/lib/data/resident/member-addresses";
import { requestBord, withdrawBordRequest } from "@/lib/data/resident/bord-requests";
import { calendarDateIn } from "@/lib/domain";
import {
  acceptHouseRulesSchema,
  ownDetailsSchema,
  acceptInvitationSchema,
  addressListSchema,
  coAdminInviteSchema,
  dissolveGroupSchema,
  groupDetailsSchema,
  joinRequestDecisionSchema,
  memberAddressSchema,
  registerGroupSchema,
  bordRequestSchema,
} from "@/lib/validation";
import { routes } from "@/lib/routes";
import { acceptStaffInvitationSchema } from "@/lib/validation/staff";
import { ACTION_LIMITS, limitAction } from "@/lib/server/action-limits";

/*
 * The server actions of the resident pages (/groep-starten, /mijn-groepen/…, /uitnodiging/…).
 * Each goes through signedInAction (lib/actions.ts) with its permission: only residents
 * register and run groups ("group.register", "group.manage", "bord.request"); staff,
 * wijkagenten and platform admins are refused (not_found). The input is parsed with the same
 * schema the form uses, the user is read fresh, lib/data checks the permission again and, in
 * its queries, that the user administers the group (someone else's group answers not_found).
 */

const id = z.string({ error: "Onbekend." }).max(100, { message: "Onbekend." });
const withGroup = { groupId: id };

function refresh(groupId?: string) {
  revalidatePath(routes.myGroups.list);
  if (groupId) revalidatePath(routes.myGroups.group(groupId), "layout");
}

export async function registerGroupAction(input: unknown): Promise<ActionResult<RegisteredGroup>> {
  const action = signedInAction("group.register", registerGroupSchema(calendarDateIn(new Date())), async (data, { user, ip, now }) => {
    await limitAction(ACTION_LIMITS.registerGroup, { user, ip, addresses: data.coAdmins.map((c) => c.email) });
    const result = await registerGroup(user, data, now);
    refresh();
    return result;
  });
  return action(input);
}

const updateDetails = signedInAction("group.manage", groupDetailsSchema.extend(withGroup), async ({ groupId, ...data }, { user, ip, now }) => {
  await limitAction(ACTION_LIMITS.updateGroup, { user, ip });
  const result = await updateGroupDetails(user, groupId, data, now);
  refresh(groupId);
  return result;
});
export async function updateGroupDetailsAction(input: unknown) {
  return updateDetails(input);
}

const invite = signedInAction("group.manage", coAdminInviteSchema.extend(withGroup), async ({ groupId, email }, { user, ip, now }) => {
  await limitAction(ACTION_LIMITS.inviteCoAdmin, { user, ip, addresses: [email] });
  const result = await inviteCoAdmin(user, groupId, email, now);
  refresh(groupId);
  return result;
});
export async function inviteCoAdminAction(input: unknown) {
  return invite(input);
}

const cancelInvite = signedInAction("group.manage", z.object({ ...withGroup, invitationId: id }), async ({ groupId, invitationId }, { user }) => {
  await cancelInvitation(user, groupId, invitationId);
  refresh(groupId);
  return null;
});
export async function cancelInvitationAction(input: unknown) {
  return cancelInvite(input);
}

const removeAdmin = signedInAction("group.manage", z.object({ ...withGroup, userId: id }), async ({ groupId, userId }, { user }) => {
  const result = await removeGroupAdmin(user, groupId, userId);
  refresh(groupId);
  return result;
});
export async function removeGroupAdminAction(input: unknown) {
  return removeAdmin(input);
}

const addAddress = signedInAction("group.manage", memberAddressSchema.extend(withGroup), async ({ groupId, postcode, houseNumber, addition }, { user }) => {
  const result = await addMemberAddress(user, groupId, { postcode, houseNumber, addition });
  refresh(groupId);
  return result;
});
export async function addMemberAddressAction(input: unknown) {
  return addAddress(input);
}

const addList = signedInAction("group.manage", addressListSchema.extend(withGroup), async ({ groupId, text }, { user }) => {
  const result = await addMemberAddressList(user, groupId, text);
  refresh(groupId);
  return result;
});
export async function addMemberAddressListAction(input: unknown) {
  return addList(input);
}

const removeAddress = signedInAction(
  "group.manage",
  z.object({ ...withGroup, addressId: z.coerce.number({ error: "Onbekend adres." }).int().positive().max(Number.MAX_SAFE_INTEGER) }),
  async ({ groupId, addressId }, { user }) => {
    await removeMemberAddress(user, groupId, addressId);
    refresh(groupId);
    return null;
  },
);
export async function removeMemberAddressAction(input: unknown) {
  return removeAddress(input);
}

const decide = signedInAction("group.manage", joinRequestDecisionSchema.extend({ ...withGroup, requestId: id }), async ({ groupId, requestId, ...decision }, { user, ip, now }) => {
  await limitAction(ACTION_LIMITS.decideJoinRequest, { user, ip });
  const result = await decideJoinRequest(user, groupId, requestId, decision, now);
  // Only the list of groups: the open page keeps the handled request with its confirmation
  // (revalidating it would remove the request, and the message with it, at once).
  refresh();
  return result;
});
export async function decideJoinRequestAction(input: unknown) {
  return decide(input);
}

const bord = signedInAction("bord.request", bordRequestSchema.extend(withGroup), async ({ groupId, ...data }, { user, ip, now }) => {
  await limitAction(ACTION_LIMITS.requestBord, { user, ip });
  const result = await requestBord(user, groupId, data, now);
  refresh(groupId);
  return result;
});
export async function requestBordAction(input: unknown) {
  return bord(input);
}

const BORD_FORM_FIELDS = ["groupId", "bordCount", "street", "nearHouseNumber", "description", "note", "lat", "lng"];

const bordForm = signedInAction(
  "bord.request",
  bordRequestFieldsSchema.extend(withGroup).transform((value, ctx) => bordRequestFromFields(value, ctx)),
  async ({ groupId, ...data }, { user, ip, now }) => {
    await limitAction(ACTION_LIMITS.requestBord, { user, ip });
    const result = await requestBord(user, groupId, data, now);
    refresh(groupId);
    return result;
  },
);

/**
 * The bord request form (useActionState): works without JavaScript (a normal POST, the page
 * answers with the messages at the fields and what was typed); the map picker fills the two
 * coordinate fields it posts.
 */
export async function requestBordFormAction(_previous: BordFormState, formData: FormData): Promise<BordFormState> {
  const values = formValues(formDataOrEmpty(formData), BORD_FORM_FIELDS);
  const result = await bordForm(values);
  if (result.ok) return { status: "sent", message: "Uw aanvraag is verstuurd naar de gemeente." };
  const fieldErrors = { ...result.fieldErrors };
  for (const key of ["point", "point.lat", "point.lng"]) {
    if (fieldErrors[key]) {
      fieldErrors.lat ??= fieldErrors[key];
      delete fieldErrors[key];
    }
  }
  return { status: "error", ok: false, code: result.code, message: result.message, fieldErrors, values };
}

const withdraw = signedInAction("bord.request", z.object({ ...withGroup, requestId: id }), async ({ groupId, requestId }, { user, now }) => {
  await withdrawBordRequest(user, groupId, requestId, now);
  refresh(groupId);
  return null;
});
export async function withdrawBordRequestAction(input: unknown) {
  return withdraw(input);
}

const dissolve = signedInAction("group.manage", dissolveGroupSchema.extend(withGroup), async ({ groupId, confirmName }, { user, ip, now }) => {
  await limitAction(ACTION_LIMITS.dissolveGroup, { user, ip });
  await dissolveGroup(user, groupId, confirmName, now);
  refresh(groupId);
  return null;
});
export async function dissolveGroupAction(input: unknown) {
  return dissolve(input);
}

export async function acceptInvitationAction(input: unknown) {
  const schema = acceptInvitationSchema(calendarDateIn(new Date())).extend({ token: id });
  const action = signedInAction("group.manage", schema, async ({ token, ...details }, { user, now }) => {
    const result = await acceptInvitation(user, token, details, now);
    refresh(result.groupId);
    return result;
  });
  return action(input);
}

/** Accepting an invitation to a staff or wijkagent role (/uitnodiging/account/…). */
const acceptStaffInvitationBody = signedInAction("account.accept_role_invitation", acceptStaffInvitationSchema, async (input, { user, now }) => {
  const result = await acceptStaffInvitation(user, input, now);
  revalidatePath(routes.myGroups.list);
  return { home: result.role === "wijkagent" ? routes.wijkagent.home : routes.staff.home };
});
export async function acceptStaffInvitationAction(input: unknown) {
  return acceptStaffInvitationBody(input);
}

/** Accepting the current version of the house rules (/mijn-groepen/huisregels). */
const acceptHouseRules = signedInAction("group.manage", acceptHouseRulesSchema, async (_input, { user, now }) => {
  const result = await acceptCurrentHouseRules(user, now);
  revalidatePath(routes.myGroups.houseRules);
  return result;
});
export async function acceptHouseRulesAction(input: unknown) {
  return acceptHouseRules(input);
}

/** Changing one's own name, phone and address (/mijn-groepen/gegevens). */
const ownDetails = signedInAction("group.manage", ownDetailsSchema, async (input, { user, ip }) => {
  await limitAction(ACTION_LIMITS.updateGroup, { user, ip });
  const result = await updateOwnDetails(user, input);
  revalidatePath(routes.myGroups.ownDetails);
  return result;
});
export async function updateOwnDetailsAction(input: unknown) {
  return ownDetails(input);
}
