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
  DEFAULT_BORD_THRESHOLD,
  EARLIEST_BIRTH_DATE,
  MAX_BORD_THRESHOLD,
  MINIMUM_AGE,
  MIN_BORD_THRESHOLD,
  RECOMMENDED_MIN_ADMINS,
  MAX_BORD_CONTRIBUTION_CENTS,
  MAX_COMPUTED_BORD_THRESHOLD,
  MAX_HOUSEHOLD_PERCENT,
  MAX_BORDS_PER_GROUP,
  MIN_HOUSEHOLD_PERCENT,
  bordThresholdFor,
  type BordConditionKind,
  isAdultOn,
  needsMoreAdmins,
  bordEligibility,
  type BordEligibility,
} from "./eligibility";
export {
  FINAL_BORD_REQUEST_STATUSES,
  OPEN_BORD_REQUEST_STATUSES,
  PUBLIC_BORD_STATUSES,
  publicBordStatus,
  type PublicBordStatus,
  BORD_REQUEST_ACTIONS,
  BORD_REQUEST_ACTION_LABELS,
  BORD_REQUEST_ACTORS,
  BORD_REQUEST_STATUSES,
  BORD_REQUEST_STATUS_LABELS,
  STAFF_BORD_REQUEST_ACTIONS,
  allowedBordRequestActions,
  isOpenBordRequestStatus,
  isBordRequestStatus,
  nextBordRequestStatus,
  type OpenBordRequestStatus,
  type BordRequestAction,
  type BordRequestActor,
  type BordRequestStatus,
  type StaffBordRequestAction,
} from "./bord-request";
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
