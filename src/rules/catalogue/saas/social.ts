/**
 * Social and media APIs: Twitter/X, Facebook/Instagram, LinkedIn, Twitch,
 * Etsy, Flickr, Gitter, FreshBooks.
 */
import { ALNUM, BASE64URL, DIGITS, HEX, LOWER_ALNUM, fakeBody, fakeToken, joined, withSecret } from "../../examples.js";
import type { RuleSpec } from "../../types.js";
import { LEFT, LEFT_B64, RIGHT, RIGHT_B64, assignedWord, ci, named } from "../dsl.js";
import { LOWER_ALNUM_DASH, rotate } from "./common.js";

export const socialRules: readonly RuleSpec[] = [
  // -------------------------------------------------------- Twitter / X
  {
    id: "twitter-bearer-token",
    description: "Twitter/X app bearer token (AAAA… percent-encoded)",
    provider: "Twitter",
    severity: "high",
    keywords: ["aaaaaaaaaaaaaaaaaaaa"],
    // App-only bearer tokens start with 20+ `A` (a zero-padded app id in
    // base64) and run 100–120 characters, URL-encoded.
    regex: `(?<![A-Za-z0-9%])(?<secret>A{20,24}[A-Za-z0-9%]{70,120})(?![A-Za-z0-9%])`,
    entropy: 3.5,
    specificity: 75,
    placeholderFilter: false,
    remediation: rotate("the X developer portal (Projects & Apps → Keys and tokens → Regenerate bearer token)"),
    docsUrl: "https://developer.x.com/en/docs/authentication/oauth-2-0/bearer-tokens",
    examples: {
      positive: [withSecret("TWITTER_BEARER_TOKEN=", joined("AAAAAAAAAAAAAAAAAAAAA", fakeBody(90, ALNUM, 33)))],
      negative: ["AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
    },
  },
  named({
    id: "twitter-api-key", provider: "Twitter", what: "API (consumer) key (25 characters)",
    names: [`(?:${ci("twitter")}|(?<![A-Za-z])X_API)`], keywords: ["twitter", "x_api"], body: "[A-Za-z0-9]{25}", entropy: 3.5,
    example: fakeBody(25, ALNUM, 34), exampleName: "twitter_api_key",
    remediation: rotate("the X developer portal (Keys and tokens → Regenerate)"), docsUrl: "https://developer.x.com/en/docs/authentication/oauth-1-0a/api-key-and-secret",
  }),
  named({
    id: "twitter-api-secret", provider: "Twitter", what: "API (consumer) secret (50 characters)",
    names: [`(?:${ci("twitter")}|(?<![A-Za-z])X_API)`], keywords: ["twitter", "x_api"], body: "[A-Za-z0-9]{50}", entropy: 3.5,
    example: fakeBody(50, ALNUM, 35), exampleName: "twitter_api_secret",
    remediation: rotate("the X developer portal (Keys and tokens → Regenerate)"), docsUrl: "https://developer.x.com/en/docs/authentication/oauth-1-0a/api-key-and-secret",
  }),
  named({
    id: "twitter-access-token", provider: "Twitter", what: "access token (<user id>-<secret>)",
    names: [ci("twitter")], keywords: ["twitter"], body: "[0-9]{15,25}-[A-Za-z0-9]{20,40}", entropy: 3.5,
    example: joined(fakeBody(18, DIGITS, 36), "-", fakeBody(32, ALNUM, 37)), exampleName: "twitter_access_token",
    remediation: rotate("the X developer portal (Keys and tokens → Access token → Regenerate)"), docsUrl: "https://developer.x.com/en/docs/authentication/oauth-1-0a/obtaining-user-access-tokens",
  }),
  named({
    id: "twitter-access-secret", provider: "Twitter", what: "access token secret (45 characters)",
    names: [ci("twitter")], keywords: ["twitter"], body: "[A-Za-z0-9]{45}", entropy: 3.5,
    example: fakeBody(45, ALNUM, 38), exampleName: "twitter_access_secret",
    remediation: rotate("the X developer portal (Keys and tokens → Access token → Regenerate)"), docsUrl: "https://developer.x.com/en/docs/authentication/oauth-1-0a/obtaining-user-access-tokens",
  }),
  // ------------------------------------------------- Facebook / Instagram
  {
    id: "facebook-page-access-token",
    description: "Facebook/Meta access token (EAA…)",
    provider: "Meta",
    severity: "high",
    // `EAA` + the app-specific upper-case letter (`eaa` alone is in hex checksums).
    keywords: [..."abcdefghijklmnopqrstuvwxyz"].map((c) => `eaa${c}`),
    // EAA + app-specific letter, then 100+ characters; the case-sensitive
    // `EAA` and the length keep hex checksums (`eaac4…`) out.
    regex: `${LEFT_B64}(?<secret>EAA[A-Z][A-Za-z0-9]{100,400})${RIGHT_B64}`,
    entropy: 4.0,
    specificity: 70,
    remediation: rotate("Meta for Developers (invalidate the token, reset the app secret if needed)"),
    docsUrl: "https://developers.facebook.com/docs/facebook-login/guides/access-tokens",
    examples: {
      positive: [withSecret("FB_PAGE_TOKEN=", fakeToken("EAAM", 160, ALNUM, 39))],
      negative: [`checksum: eaac${fakeBody(120, HEX, 40)}`],
    },
  },
  {
    id: "facebook-access-token",
    description: "Facebook app access token (<app id>|<secret>)",
    provider: "Meta",
    severity: "high",
    keywords: ["facebook", "fb_", "access_token", "app_token"],
    regex: `(?<![A-Za-z0-9_])(?<secret>[0-9]{15,16}(?:\\||%7[Cc])[A-Za-z0-9_-]{27,40})${RIGHT}`,
    entropy: 3.5,
    specificity: 70,
    remediation: rotate("Meta for Developers (App settings → Basic → Reset app secret)"),
    docsUrl: "https://developers.facebook.com/docs/facebook-login/guides/access-tokens#apptokens",
    examples: {
      positive: [withSecret("facebook ", joined(fakeBody(16, DIGITS, 41), "|", fakeBody(27, BASE64URL, 42)))],
      negative: ["| 1234567890123456 | a | b |"],
    },
  },
  named({
    id: "facebook-secret", provider: "Meta", what: "app secret (32 hex)",
    names: [ci("facebook"), `(?<![A-Za-z])${ci("fb")}_`], keywords: ["facebook", "fb_"], body: "[a-f0-9]{32}", entropy: 3.0,
    example: fakeBody(32, HEX, 43), exampleName: "facebook_app_secret",
    remediation: rotate("Meta for Developers (App settings → Basic → Reset app secret)"), docsUrl: "https://developers.facebook.com/docs/facebook-login/security#appsecret",
  }),
  {
    id: "instagram-access-token",
    description: "Instagram Graph API user access token (IGQV…/IGAA…)",
    provider: "Meta",
    severity: "high",
    keywords: ["igqv", "igaa"],
    regex: `${LEFT}(?<secret>IG(?:QV|AA)[A-Za-z0-9_-]{120,400})${RIGHT}`,
    entropy: 4.0,
    specificity: 80,
    remediation: rotate("Meta for Developers (the token can be invalidated by removing the app's access)"),
    docsUrl: "https://developers.facebook.com/docs/instagram-platform/overview",
    examples: {
      positive: [withSecret("INSTAGRAM_TOKEN=", fakeToken("IGQV", 160, BASE64URL, 44))],
      negative: ["IGQV_TOKEN"],
    },
  },
  // ------------------------------------------------------- Social / media
  named({
    id: "linkedin-client-secret", provider: "LinkedIn", what: "client secret (16 characters)",
    names: [`${ci("linked")}[_-]?${ci("in")}`], keywords: ["linkedin", "linked_in", "linked-in"], body: "[A-Za-z0-9]{16}", entropy: 3.3,
    example: fakeBody(16, LOWER_ALNUM, 45), exampleName: "linkedin_client_secret",
    remediation: rotate("the LinkedIn developer portal (Auth → Client secret → Generate)"), docsUrl: "https://learn.microsoft.com/en-us/linkedin/shared/authentication/authentication",
  }),
  named({
    id: "linkedin-client-id", provider: "LinkedIn", what: "client id (14 characters)", severity: "low",
    names: [`${ci("linked")}[_-]?${ci("in")}`], keywords: ["linkedin", "linked_in", "linked-in"], body: "[a-z0-9]{14}", entropy: 3.3,
    example: fakeBody(14, LOWER_ALNUM, 46), exampleName: "linkedin_client_id",
    remediation: "A client id is not secret on its own; make sure the client secret is not committed.", docsUrl: "https://learn.microsoft.com/en-us/linkedin/shared/authentication/authentication",
  }),
  named({
    id: "twitch-api-token", provider: "Twitch", what: "client secret or OAuth token (30 characters)",
    names: [ci("twitch")], keywords: ["twitch"], body: "[a-z0-9]{30}", entropy: 3.5,
    example: fakeBody(30, LOWER_ALNUM, 47), exampleName: "twitchToken",
    remediation: rotate("the Twitch developer console (Applications → Manage → New secret)"), docsUrl: "https://dev.twitch.tv/docs/authentication/",
  }),
  named({
    id: "etsy-access-token", provider: "Etsy", what: "API key (24 characters)",
    names: [`(?<![A-Za-z])${ci("etsy")}`], keywords: ["etsy"], body: "[a-z0-9]{24}", entropy: 3.5,
    // `etsy` is inside every `getSymbol`: start the regex at the word.
    regex: assignedWord("etsy", "[a-z0-9]{24}"),
    example: fakeBody(24, LOWER_ALNUM, 48), exampleName: "etsyToken",
    remediation: rotate("Etsy (Your apps → Manage → Regenerate)"), docsUrl: "https://developers.etsy.com/documentation/essentials/authentication",
  }),
  named({
    id: "flickr-access-token", provider: "Flickr", what: "API key or secret (32 characters)",
    names: [ci("flickr")], keywords: ["flickr"], body: "[a-z0-9]{32}", entropy: 3.5,
    example: fakeBody(32, LOWER_ALNUM, 49), exampleName: "flickrToken",
    remediation: rotate("Flickr (App Garden → your apps)"), docsUrl: "https://www.flickr.com/services/api/auth.oauth.html",
  }),
  named({
    id: "gitter-access-token", provider: "Gitter", what: "access token (40 characters)",
    names: [ci("gitter")], keywords: ["gitter"], body: "[a-z0-9_-]{40}", entropy: 3.5,
    example: fakeBody(40, LOWER_ALNUM_DASH, 50), exampleName: "gitterToken",
    remediation: rotate("Gitter / Matrix account settings"), docsUrl: "https://developer.gitter.im/docs/authentication",
  }),
  named({
    id: "freshbooks-access-token", provider: "FreshBooks", what: "access token (64 characters)",
    names: [ci("freshbooks")], keywords: ["freshbooks"], body: "[a-z0-9]{64}", entropy: 3.5,
    example: fakeBody(64, LOWER_ALNUM, 51), exampleName: "freshbooksToken",
    remediation: rotate("FreshBooks (Developer page → your app)"), docsUrl: "https://www.freshbooks.com/api/authentication",
  }),
];
