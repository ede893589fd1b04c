/**
 * The domain rules of the buurtpreventie register: plain functions over plain data.
 * No I/O, no clock (dates are passed in), no framework imports; safe in the browser too.
 */
export { DomainError, isDomainError, type DomainErrorCode } from "./errors";
export { NORMALIZED_POSTCODE_PATTERN, areaOfPostcode, formatPostcode, isValidPostcode, normalizePostcode, postcodeAreaKeys } from "./postcode";
export {
  MAX_ADDITION_LENGTH,
  MAX_HOUSE_NUMBER,
  MIN_HOUSE_NUMBER,
  addressKey,
  countDistinctAddresses,
  formatAddress,
  isValidHouseNumber,
  normalizeAddition,
  normalizeAddress,
  type AddressInput,
  type NormalizedAddress,
} from "./address";
export {
  DUTCH_TIME_ZONE,
  calendarDateIn,
  formatCalendarDate,
  isValidCalendarDate,
  parseCalendarDate,
  type CalendarDate,
} from "./dates";
export {
  DEFAULT_SIGN_THRESHOLD,
  EARLIEST_BIRTH_DATE,
  MAX_SIGN_THRESHOLD,
  MINIMUM_AGE,
  MIN_SIGN_THRESHOLD,
  RECOMMENDED_MIN_ADMINS,
  MAX_BORD_CONTRIBUTION_CENTS,
  MAX_COMPUTED_SIGN_THRESHOLD,
  MAX_HOUSEHOLD_PERCENT,
  MAX_SIGNS_PER_GROUP,
  MIN_HOUSEHOLD_PERCENT,
  bordThresholdFor,
  type BordConditionKind,
  isAdultOn,
  needsMoreAdmins,
  signEligibility,
  type SignEligibility,
} from "./eligibility";
export {
  FINAL_SIGN_REQUEST_STATUSES,
  OPEN_SIGN_REQUEST_STATUSES,
  PUBLIC_BORD_STATUSES,
  publicBordStatus,
  type PublicBordStatus,
  SIGN_REQUEST_ACTIONS,
  SIGN_REQUEST_ACTION_LABELS,
  SIGN_REQUEST_ACTORS,
  SIGN_REQUEST_STATUSES,
  SIGN_REQUEST_STATUS_LABELS,
  STAFF_SIGN_REQUEST_ACTIONS,
  allowedSignRequestActions,
  isOpenSignRequestStatus,
  isSignRequestStatus,
  nextSignRequestStatus,
  type OpenSignRequestStatus,
  type SignRequestAction,
  type SignRequestActor,
  type SignRequestStatus,
  type StaffSignRequestAction,
} from "./sign-request";
export {
  MAX_ADDRESS_LIST_LINES,
  countAddressListLines,
  parseAddressList,
  parseStreetLine,
  type StreetLine,
  summarizeAddressList,
  type AddressListLine,
  type AddressListSummary,
} from "./address-list";
export {
  AREA_CODE_PATTERN,
  BUURT_CODE_PATTERN,
  MUNICIPALITY_CODE_PATTERN,
  isAreaCode,
  isAreaInMunicipality,
  isBuurtCode,
  isMunicipalityCode,
  municipalityCodeFromGemeentecode,
  municipalityCodeOfArea,
  resolveAreaCode,
} from "./area";
export {
  EMERGENCY_NUMBER,
  HOUSE_RULES,
  HOUSE_RULES_VERSION,
  POLICE_NON_EMERGENCY_NUMBER,
  SAAR_STEPS,
  type HouseRule,
  type HouseRuleId,
  type SaarStep,
} from "./house-rules";
export { slugify } from "./slug";
export {
  mentionPrefilter,
  nationalNumber,
  parseDutchName,
  personMentionMatcher,
  type Mention,
  type MentionMatcher,
  type PersonIdentity,
} from "./person-mentions";
export { formatPhoneNl } from "./phone";
export {
  ADDRESS_NOT_FOUND_MESSAGE,
  addressVerdict,
  otherMunicipalityMessage,
  type AddressVerdict,
  type RegisterAnswer,
} from "./address-verification";
export {
  CHECK_AFTER_MONTHS,
  CHECK_LINK_VALID_DAYS,
  CHECK_STAGE_LABELS,
  DECISION_AFTER_DAYS,
  OPEN_CHECK_STAGES,
  REMIND_AFTER_DAYS,
  UNCONFIRMED_AFTER_DAYS,
  UNCONFIRMED_STAGES,
  checkDueAt,
  isOpenCheckStage,
  nextOpenStage,
  stageAt,
  stageStartsAt,
  type CheckStage,
  type ClosedCheckStage,
  type OpenCheckStage,
} from "./yearly-check";
export { UUID_PATTERN, isUuid } from "./ids";
export { DAY_MS, JOIN_REQUEST_RETENTION_DAYS, SENT_MAIL_RETENTION_DAYS, daysAfter } from "./retention";
