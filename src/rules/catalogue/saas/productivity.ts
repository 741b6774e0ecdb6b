/**
 * Productivity and business SaaS: Notion, Linear, Airtable, Contentful,
 * Algolia, Figma, Asana, Postman, Typeform, Zendesk, HubSpot, Intercom,
 * Squarespace, Trello, Dropbox, Mapbox.
 */
import { ALNUM, BASE64URL, DIGITS, HEX, LOWER_ALNUM, fakeBody, fakeToken, fakeUuid, joined, withSecret } from "../../examples.js";
import type { RuleSpec } from "../../types.js";
import { LEFT, RIGHT, UUID, assigned, ci, named } from "../dsl.js";
import { rotate } from "./common.js";

export const productivityRules: readonly RuleSpec[] = [
  // ------------------------------------------------------------- Notion
  {
    id: "notion-api-token",
    description: "Notion integration token (ntn_ + 11 digits + 35 characters)",
    provider: "Notion",
    severity: "high",
    keywords: ["ntn_"],
    regex: `${LEFT}(?<secret>ntn_[0-9]{11}[A-Za-z0-9]{35})${RIGHT}`,
    specificity: 85,
    remediation: rotate("Notion (Settings → Connections → Develop or manage integrations → Refresh secret)"),
    docsUrl: "https://developers.notion.com/docs/authorization",
    examples: {
      positive: [withSecret("NOTION_TOKEN=", joined("ntn_", fakeBody(11, DIGITS, 1), fakeBody(35, ALNUM, 2)))],
      negative: ["ntn_12345678901abc", "ntn_token_name"],
    },
  },
  {
    id: "notion-legacy-secret",
    description: "Notion legacy integration secret (secret_ + 43 characters) next to a Notion name",
    provider: "Notion",
    severity: "high",
    keywords: ["notion"],
    regex: assigned([ci("notion")], "secret_[A-Za-z0-9]{43}"),
    entropy: 4.0,
    specificity: 50,
    remediation: rotate("Notion (Settings → Connections → Develop or manage integrations → Refresh secret)"),
    docsUrl: "https://developers.notion.com/docs/authorization",
    examples: {
      positive: [withSecret("NOTION_API_KEY=", `secret_${fakeBody(43, ALNUM, 3)}`)],
      negative: ["NOTION_API_KEY=secret_your_integration_secret_here"],
    },
  },
  // ------------------------------------------------------------- Linear
  {
    id: "linear-api-key",
    description: "Linear personal API key (lin_api_ + 40 characters)",
    provider: "Linear",
    severity: "high",
    keywords: ["lin_api_"],
    regex: `${LEFT}(?<secret>lin_api_[A-Za-z0-9]{40})${RIGHT}`,
    entropy: 3.5,
    specificity: 85,
    remediation: rotate("Linear (Settings → Security & access → Personal API keys)"),
    docsUrl: "https://linear.app/developers/graphql#personal-api-keys",
    examples: {
      positive: [withSecret('var linearToken = "', fakeToken("lin_api_", 40, LOWER_ALNUM, 4), '"')],
      negative: ["lin_api_key_name", "lin_api_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
    },
  },
  named({
    id: "linear-client-secret", provider: "Linear", what: "OAuth client secret (32 hex)",
    names: [`(?<![A-Za-z])${ci("linear")}`], keywords: ["linear"], body: "[a-f0-9]{32}", entropy: 3.0,
    example: fakeBody(32, HEX, 5), exampleName: "linear_client_secret",
    remediation: rotate("Linear (Settings → API → OAuth applications)"), docsUrl: "https://linear.app/developers/oauth-2-0-authentication",
  }),
  // ----------------------------------------------------------- Airtable
  {
    id: "airtable-personal-access-token",
    description: "Airtable personal access token (pat<14>.<64 hex>)",
    provider: "Airtable",
    severity: "high",
    keywords: ["pat"],
    regex: `${LEFT}(?<secret>pat[A-Za-z0-9]{14}\\.[a-f0-9]{64})${RIGHT}`,
    entropy: 3.5,
    specificity: 85,
    remediation: rotate("Airtable (Builder hub → Personal access tokens)"),
    docsUrl: "https://airtable.com/developers/web/guides/personal-access-tokens",
    examples: {
      positive: [withSecret('var airtableToken string = "', joined("pat", fakeBody(14, ALNUM, 6), ".", fakeBody(64, HEX, 7)), '"')],
      negative: ["pattern.matches(input)"],
    },
  },
  named({
    id: "airtable-api-key", provider: "Airtable", what: "legacy API key (key + 14 characters)",
    names: [ci("airtable")], keywords: ["airtable"], body: "key[A-Za-z0-9]{14}", entropy: 3.0,
    example: fakeToken("key", 14, ALNUM, 8), exampleName: "airtable_api_key",
    remediation: rotate("Airtable (Account → API) and move to personal access tokens"), docsUrl: "https://airtable.com/developers/web/api/authentication",
  }),
  // ---------------------------------------------------------- Contentful
  {
    id: "contentful-personal-access-token",
    description: "Contentful personal access token (CFPAT-)",
    provider: "Contentful",
    severity: "high",
    keywords: ["cfpat-"],
    regex: `${LEFT}(?<secret>CFPAT-[A-Za-z0-9_-]{43})${RIGHT}`,
    entropy: 3.5,
    specificity: 85,
    remediation: rotate("Contentful (Settings → CMA tokens)"),
    docsUrl: "https://www.contentful.com/developers/docs/references/authentication/",
    examples: {
      positive: [withSecret("CONTENTFUL_MANAGEMENT_TOKEN=", fakeToken("CFPAT-", 43, BASE64URL, 9))],
      negative: ["CFPAT-<token>"],
    },
  },
  named({
    id: "contentful-delivery-api-token", provider: "Contentful", what: "Delivery/Preview API token",
    names: [ci("contentful")], keywords: ["contentful"], body: "[A-Za-z0-9=_-]{43}", entropy: 3.5,
    example: fakeBody(43, BASE64URL, 10), exampleName: "contentfulToken",
    remediation: rotate("Contentful (Settings → API keys)"), docsUrl: "https://www.contentful.com/developers/docs/references/authentication/",
  }),
  // ------------------------------------------------------------- Algolia
  named({
    id: "algolia-api-key", provider: "Algolia", what: "API key (32 hex)",
    names: [ci("algolia")], keywords: ["algolia"], body: "[a-f0-9]{32}", entropy: 3.0,
    example: fakeBody(32, HEX, 11), exampleName: "algoliaAdminKey",
    remediation: rotate("Algolia (Settings → API Keys); search-only keys may be public, admin keys never"), docsUrl: "https://www.algolia.com/doc/guides/security/api-keys/",
  }),
  // -------------------------------------------------------------- Figma
  {
    id: "figma-personal-access-token",
    description: "Figma personal access token (figd_)",
    provider: "Figma",
    severity: "high",
    keywords: ["figd_"],
    regex: `${LEFT}(?<secret>figd_[A-Za-z0-9_-]{40})${RIGHT}`,
    entropy: 3.5,
    specificity: 85,
    remediation: rotate("Figma (Settings → Security → Personal access tokens)"),
    docsUrl: "https://www.figma.com/developers/api#access-tokens",
    examples: {
      positive: [withSecret("FIGMA_TOKEN=", fakeToken("figd_", 40, BASE64URL, 12))],
      negative: ["figd_token"],
    },
  },
  // -------------------------------------------------------------- Asana
  {
    id: "asana-personal-access-token",
    description: "Asana personal access token (1/… or 2/…:<32 hex>)",
    provider: "Asana",
    severity: "high",
    keywords: ["asana"],
    regex: `(?<![A-Za-z0-9_/.-])(?<secret>[12]/[0-9]{10,20}(?:/[0-9]{10,20})?:[a-f0-9]{32})${RIGHT}`,
    entropy: 3.0,
    specificity: 80,
    remediation: rotate("Asana (My settings → Apps → Developer apps → Personal access tokens)"),
    docsUrl: "https://developers.asana.com/docs/personal-access-token",
    examples: {
      positive: [withSecret("ASANA_TOKEN=", joined("2/", fakeBody(16, DIGITS, 13), "/", fakeBody(16, DIGITS, 14), ":", fakeBody(32, HEX, 15)))],
      negative: ["ratio 1/2:3", "date 2/10:00"],
    },
  },
  named({
    id: "asana-client-id", provider: "Asana", what: "client id (16 digits)", severity: "low",
    names: [ci("asana")], keywords: ["asana"], body: "[0-9]{16}", entropy: 2.5,
    example: fakeBody(16, DIGITS, 16), exampleName: "asana_client_id",
    remediation: "A client id is not secret on its own; make sure the client secret is not committed.", docsUrl: "https://developers.asana.com/docs/oauth",
  }),
  named({
    id: "asana-client-secret", provider: "Asana", what: "client secret (32 characters)",
    names: [ci("asana")], keywords: ["asana"], body: "[A-Za-z0-9]{32}", entropy: 3.5,
    example: fakeBody(32, LOWER_ALNUM, 17), exampleName: "asana_client_secret",
    remediation: rotate("the Asana developer console"), docsUrl: "https://developers.asana.com/docs/oauth",
  }),
  // ------------------------------------------------------------ Postman
  {
    id: "postman-api-token",
    description: "Postman API key (PMAK-<24 hex>-<34 hex>)",
    provider: "Postman",
    severity: "high",
    keywords: ["pmak-"],
    regex: `${LEFT}(?<secret>PMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34})${RIGHT}`,
    specificity: 85,
    remediation: rotate("Postman (Settings → API keys)"),
    docsUrl: "https://learning.postman.com/docs/developer/postman-api/authentication/",
    examples: {
      positive: [withSecret("POSTMAN_API_KEY=", joined("PMAK-", fakeBody(24, HEX, 18), "-", fakeBody(34, HEX, 19)))],
      negative: ["PMAK-<key>"],
    },
  },
  // ----------------------------------------------------------- Typeform
  {
    id: "typeform-api-token",
    description: "Typeform personal access token (tfp_)",
    provider: "Typeform",
    severity: "high",
    keywords: ["tfp_"],
    regex: `${LEFT}(?<secret>tfp_[A-Za-z0-9_.=-]{59})(?![A-Za-z0-9_.=-])`,
    entropy: 3.5,
    specificity: 85,
    remediation: rotate("Typeform (Account → Personal tokens)"),
    docsUrl: "https://www.typeform.com/developers/get-started/personal-access-token/",
    examples: {
      positive: [withSecret("TYPEFORM_TOKEN=", fakeToken("tfp_", 59, BASE64URL, 20))],
      negative: ["tfp_token"],
    },
  },
  // ------------------------------------------------------------ Zendesk
  named({
    id: "zendesk-secret-key", provider: "Zendesk", what: "API token (40 characters)",
    names: [ci("zendesk")], keywords: ["zendesk"], body: "[A-Za-z0-9]{40}", entropy: 3.5,
    example: fakeBody(40, LOWER_ALNUM, 21), exampleName: "zendeskToken",
    remediation: rotate("Zendesk (Admin Center → Apps and integrations → Zendesk API)"), docsUrl: "https://developer.zendesk.com/api-reference/introduction/security-and-auth/",
  }),
  // ------------------------------------------------------------ HubSpot
  {
    id: "hubspot-private-app-token",
    description: "HubSpot private app access token (pat-na1-/pat-eu1-<uuid>)",
    provider: "HubSpot",
    severity: "high",
    keywords: ["pat-na", "pat-eu", "pat-ap"],
    regex: `${LEFT}(?<secret>pat-(?:na|eu|ap)[0-9]-${UUID})${RIGHT}`,
    specificity: 85,
    remediation: rotate("HubSpot (Settings → Integrations → Private apps → Rotate token)"),
    docsUrl: "https://developers.hubspot.com/docs/api/private-apps",
    examples: {
      positive: [withSecret("HUBSPOT_TOKEN=", `pat-na1-${fakeUuid(22)}`)],
      negative: ["pat-na1-<token>"],
    },
  },
  named({
    id: "hubspot-api-key", provider: "HubSpot", what: "legacy API key (UUID)",
    names: [`${ci("hub")}[_-]?${ci("spot")}`], keywords: ["hubspot", "hub_spot", "hub-spot"], body: UUID, entropy: 3.0,
    example: fakeUuid(23), exampleName: "hubspot_api_key",
    remediation: rotate("HubSpot and migrate to a private app token"), docsUrl: "https://developers.hubspot.com/docs/api/migrate-an-api-key-integration-to-a-private-app",
  }),
  // ----------------------------------------------------------- Intercom
  named({
    id: "intercom-api-key", provider: "Intercom", what: "access token (60 characters)",
    names: [ci("intercom")], keywords: ["intercom"], body: "[A-Za-z0-9=_-]{60}", entropy: 3.5,
    example: fakeBody(60, BASE64URL, 24), exampleName: "intercom_token",
    remediation: rotate("Intercom (Developer Hub → your app → Authentication)"), docsUrl: "https://developers.intercom.com/docs/build-an-integration/learn-more/authentication/",
  }),
  // -------------------------------------------------------- Squarespace
  named({
    id: "squarespace-access-token", provider: "Squarespace", what: "API key (UUID)",
    names: [ci("squarespace")], keywords: ["squarespace"], body: UUID, entropy: 3.0,
    example: fakeUuid(25), exampleName: "squarespaceToken",
    remediation: rotate("Squarespace (Settings → Advanced → Developer API keys)"), docsUrl: "https://developers.squarespace.com/commerce-apis/authentication-and-permissions",
  }),
  // -------------------------------------------------------------- Trello
  named({
    id: "trello-access-token", provider: "Trello", what: "API key or token (32 characters)",
    names: [ci("trello")], keywords: ["trello"], body: "[A-Za-z0-9_-]{32}|ATTA[A-Fa-f0-9]{64}", entropy: 3.5,
    example: fakeBody(32, BASE64URL, 26), exampleName: "trelloToken",
    remediation: rotate("Trello (Power-Up admin → API key → Tokens)"), docsUrl: "https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/",
  }),
  // ------------------------------------------------------------- Dropbox
  {
    id: "dropbox-short-lived-token",
    description: "Dropbox short-lived access token (sl.)",
    provider: "Dropbox",
    severity: "high",
    keywords: ["sl."],
    regex: `(?<![A-Za-z0-9_.-])(?<secret>sl\\.[A-Za-z0-9_-]{130,160})${RIGHT}`,
    entropy: 4.0,
    specificity: 80,
    remediation: rotate("Dropbox (App Console → your app, or revoke via /2/auth/token/revoke)"),
    docsUrl: "https://developers.dropbox.com/oauth-guide",
    examples: {
      positive: [withSecret("var dropbox = '", fakeToken("sl.", 140, BASE64URL, 27), "';")],
      negative: ["sl.no"],
    },
  },
  named({
    id: "dropbox-long-lived-token", provider: "Dropbox", what: "long-lived access token",
    names: [ci("dropbox")], keywords: ["dropbox"], body: "[A-Za-z0-9]{11}AAAAAAAAAA[A-Za-z0-9_=-]{43}|[A-Za-z0-9_-]{64}", entropy: 3.5,
    example: joined(fakeBody(11, ALNUM, 28), "AAAAAAAAAA", fakeBody(43, BASE64URL, 29)), exampleName: "dropbox_token",
    remediation: rotate("Dropbox (App Console) and move to short-lived tokens with refresh"), docsUrl: "https://developers.dropbox.com/oauth-guide",
  }),
  named({
    id: "dropbox-api-token", provider: "Dropbox", what: "app key or secret (15 characters)",
    names: [ci("dropbox")], keywords: ["dropbox"], body: "[a-z0-9]{15}", entropy: 3.3,
    example: fakeBody(15, LOWER_ALNUM, 30), exampleName: "dropboxToken",
    remediation: rotate("Dropbox (App Console → your app → App secret)"), docsUrl: "https://developers.dropbox.com/oauth-guide",
  }),
  // -------------------------------------------------------------- Mapbox
  {
    id: "mapbox-api-token",
    description: "Mapbox access token (pk./sk./tk. + base64 JSON + signature)",
    provider: "Mapbox",
    severity: "medium",
    keywords: ["pk.", "sk.", "tk."],
    // The middle part is base64 JSON ({"u":…}) in current tokens, a long
    // lower-case id in older ones; the last part is a 22-character signature.
    regex: `(?<![A-Za-z0-9_.-])(?<secret>[pst]k\\.(?:eyJ[A-Za-z0-9_-]{20,300}|[a-z0-9]{60})\\.[A-Za-z0-9_-]{22})${RIGHT}`,
    entropy: 3.5,
    specificity: 75,
    remediation: rotate("Mapbox (Account → Access tokens); public pk. tokens should be URL-restricted"),
    docsUrl: "https://docs.mapbox.com/accounts/guides/tokens/",
    examples: {
      positive: [withSecret("mapboxgl.accessToken = '", joined("pk.", "eyJ", fakeBody(60, BASE64URL, 31), ".", fakeBody(22, BASE64URL, 32)), "';")],
      negative: ["pk.eyJ.short"],
    },
  },
];
