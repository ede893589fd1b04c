/**
 * The application's paths, in one place: pages, links, redirects, revalidatePath and the links
 * in e-mails use these instead of writing paths by hand. Each path is a page or route handler
 * under app/ (tests/app-routes.ts checks that every one exists, and the mail tests check every
 * link in every e-mail the same way).
 *
 * Safe in the browser: plain strings and functions, no imports. Dynamic segments are
 * URI-encoded (ids and slugs never need it; it keeps a strange value inside its segment). An
 * absolute address for an e-mail is `${getEnv().appUrl}${routes.…}`.
 */
const segment = (value: string | number) => encodeURIComponent(String(value));

export const routes = {
  home: "/",
  /** The look-up by postcode and house number (query `postcode`, `huisnummer`, `toevoeging`). */
  search: "/zoeken",
  information: "/informatie",
  /** "How SAAR works" on the information page. */
  informationSaar: "/informatie#saar",
  /** "Starting a group" on the information page. */
  informationStartGroup: "/informatie#groep-starten",
  privacy: "/privacy",
  accessibility: "/toegankelijkheid",
  areas: "/wijken",
  area: (slug: string) => `/wijken/${segment(slug)}`,
  group: (slug: string) => `/groepen/${segment(slug)}`,

  signIn: "/inloggen",
  /** The page the sign-in e-mail links to; it holds the one-time token. */
  signInConfirm: "/inloggen/bevestigen",
  /** Where Auth.js sends the browser after signing in; it goes on to `terug` or the start page. */
  signInContinue: "/inloggen/verder",
  signOut: "/uitloggen",

  startGroup: "/groep-starten",
  /** An invitation to become co-admin of a group (the token comes from the e-mail). */
  invitation: (token: string) => `/uitnodiging/${segment(token)}`,
  /** An invitation to a staff or wijkagent role of a municipality (the token comes from the e-mail). */
  staffInvitation: (token: string) => `/uitnodiging/account/${segment(token)}`,

  /** The one-click "De groep is nog actief" link of the yearly check (the token comes from the e-mail). */
  groupCheck: (token: string) => `/nog-actief/${segment(token)}`,

  /** A group admin's own pages. */
  myGroups: {
    list: "/mijn-groepen",
    /** The house rules, with their acceptance (a new version is accepted here first). */
    houseRules: "/mijn-groepen/huisregels",
    /** The admin's own name, phone and address. */
    ownDetails: "/mijn-groepen/gegevens",
    group: (id: string) => `/mijn-groepen/${segment(id)}`,
    admins: (id: string) => `/mijn-groepen/${segment(id)}/beheerders`,
    addresses: (id: string) => `/mijn-groepen/${segment(id)}/adressen`,
    joinRequests: (id: string) => `/mijn-groepen/${segment(id)}/aanmeldingen`,
    bord: (id: string) => `/mijn-groepen/${segment(id)}/bord`,
    flyer: (id: string) => `/mijn-groepen/${segment(id)}/flyer`,
    dissolve: (id: string) => `/mijn-groepen/${segment(id)}/opheffen`,
  },

  /** Municipality staff (team Veiligheid). */
  staff: {
    home: "/beheer",
    bords: "/beheer/borden",
    bord: (id: string) => `/beheer/borden/${segment(id)}`,
    groups: "/beheer/groepen",
    group: (id: string) => `/beheer/groepen/${segment(id)}`,
    groupsExport: "/beheer/groepen/export",
    areas: "/beheer/wijken",
    /** Import of wijken and buurten, postcodes and address totals; the page and its upload route. */
    geoImport: "/beheer/wijken/import",
    geoImportUpload: "/beheer/wijken/import/bestand",
    settings: "/beheer/instellingen",
    users: "/beheer/gebruikers",
    audit: "/beheer/audit",
    mail: "/beheer/e-mail",
    privacy: "/beheer/privacy",
    privacyExport: "/beheer/privacy/export",
    municipalities: "/beheer/gemeenten",
    municipality: (id: string) => `/beheer/gemeenten/${segment(id)}`,
    yearlyCheck: "/beheer/jaarcontrole",
    /** Placed borden: the list (removal tasks and open reports first) and one bord. */
    placedBords: "/beheer/geplaatste-borden",
    placedBord: (id: string) => `/beheer/geplaatste-borden/${segment(id)}`,
    placedBordPhoto: (id: string) => `/beheer/geplaatste-borden/${segment(id)}/foto`,
  },

  wijkagent: {
    home: "/wijkagent",
    group: (id: string) => `/wijkagent/groepen/${segment(id)}`,
    export: "/wijkagent/export",
  },

  /** The demo mailbox (demo mode only). */
  mailbox: {
    list: "/dev/mailbox",
    message: (id: number | string) => `/dev/mailbox/${segment(id)}`,
  },

  api: {
    openapi: "/api/v1/openapi.json",
  },
} as const;
