/** Address verification against the PDOK Locatieserver. Import from server code only. */
export {
  DEFAULT_LOOKUP_CACHE_SIZE,
  DEFAULT_LOOKUP_TIMEOUT_MS,
  createAddressLookup,
  type AddressLookup,
  type AddressLookupOptions,
  type AddressQuery,
  type AddressSuggestion,
  type StreetQuery,
  type StreetResolution,
  mapWithLimit,
  suggestionLabel,
  type AddressVerification,
  type UnverifiedAddress,
  type UnverifiedReason,
  type VerifiedAddress,
} from "./lookup";
export { parseWktPoint } from "./pdok";
