/**
 * zod schemas shared by client forms (loaded on demand: components/ui/use-action-form.ts), server
 * actions and the API. Safe in the browser: no Node-only imports.
 *
 * Schemas with a date-of-birth field are factories taking today's date (`YYYY-MM-DD`, the date
 * in the Netherlands: calendarDateIn(new Date()) from lib/domain), because the 18+ rule needs
 * "today" and lib/domain and lib/validation never read the clock:
 *   adminDetailsSchema(today), registerGroupSchema(today), joinRequestSchema(today).
 * Each schema exports `XFormInput` (what the form holds, z.input) and `X` (clean data, z.output).
 */
import "./zod-config";
export { cleanMultiLine, cleanSingleLine } from "./text";
export {
  EMAIL_MAX_LENGTH,
  PERSON_NAME_MAX_LENGTH,
  acceptedField,
  additionField,
  areaCodeField,
  birthDateField,
  emailField,
  houseNumberField,
  integerField,
  optionalHouseNumberField,
  optionalIntegerField,
  personNameField,
  phoneField,
  postcodeField,
} from "./fields";
export {
  MAX_ADDRESS_LIST_CHARACTERS,
  addressListSchema,
  addressLookupQuerySchema,
  addressSchema,
  memberAddressSchema,
  type Address,
  type AddressFormInput,
  type AddressList,
  type AddressListFormInput,
  type AddressLookupQueryInput,
  type MemberAddress,
  type MemberAddressFormInput,
} from "./address";
export {
  AREA_DESCRIPTION_MAX_LENGTH,
  GROUP_NAME_MAX_LENGTH,
  GROUP_NAME_MIN_LENGTH,
  HOUSE_RULES_REQUIRED,
  MAX_GROUP_ADMINS,
  MAX_CO_ADMIN_INVITES,
  acceptHouseRulesSchema,
  ownDetailsSchema,
  type OwnDetails,
  type OwnDetailsFormInput,
  acceptInvitationSchema,
  adminDetailsSchema,
  coAdminInviteSchema,
  dissolveGroupSchema,
  groupDetailsSchema,
  groupNameField,
  registerGroupSchema,
  whatsappInviteLinkField,
  type AdminDetails,
  type AdminDetailsFormInput,
  type AcceptInvitationFormInput,
  type AcceptHouseRulesFormInput,
  type CoAdminInvite,
  type CoAdminInviteFormInput,
  type DissolveGroupFormInput,
  type GroupDetails,
  type GroupDetailsFormInput,
  type RegisterGroup,
  type RegisterGroupFormInput,
} from "./group";
export {
  JOIN_REQUEST_DECISIONS,
  joinRequestDecisionSchema,
  joinRequestSchema,
  joinSubmissionSchema,
  type JoinRequest,
  type JoinRequestSubmission,
  type JoinRequestDecision,
  type JoinRequestDecisionFormInput,
  type JoinRequestFormInput,
} from "./join-request";
export {
  MAX_BORDS_PER_REQUEST,
  MIN_BORDS_PER_REQUEST,
  NETHERLANDS_BOUNDS,
  REJECTION_REASON_MIN_LENGTH,
  BORD_NOTE_MAX_LENGTH,
  mapPointSchema,
  bordRequestSchema,
  staffDecisionSchema,
  type MapPoint,
  type BordRequestFormInput,
  type BordRequestInput,
  type StaffDecision,
  type StaffDecisionFormInput,
} from "./bord-request";
export {
  bordSettingsSchema,
  staffSettingsSchema,
  type BordSettings,
  type BordSettingsFormInput,
  type StaffSettings,
  type StaffSettingsFormInput,
} from "./settings";
export {
  safeReturnPath,
  signInRequestSchema,
  signInSchema,
  type SignIn,
  type SignInFormInput,
  type SignInRequest,
  type SignInRequestFormInput,
} from "./auth";
