/**
 * Messaging and e-mail providers: Slack (every token kind and webhooks),
 * Discord, Telegram, Twilio, SendGrid, Mailgun, Mailchimp, Postmark, Brevo,
 * MessageBird, Sendbird, Mattermost, NATS, Vonage, Plivo, Mailjet, SparkPost,
 * Ably, Pusher, Microsoft Teams webhooks.
 *
 * Formats follow the providers' documentation and the public rule sets of
 * gitleaks and betterleaks (adapted: bounded quantifiers, explicit
 * boundaries, entropy floors where a format has no vendor prefix).
 */
import { ALNUM, BASE64URL, HEX, LOWER_ALNUM, fakeBody, fakeToken, fakeUuid, joined, withSecret } from "../examples.js";
import type { RuleSpec } from "../types.js";
import { LEFT, RIGHT, UUID, assigned, ci, named, near } from "./dsl.js";

const DIGITS = "0123456789";
const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

const SLACK_ROTATE =
  "Revoke the token (Slack app settings → OAuth & Permissions → Revoke, or `auth.revoke`), " +
  "reinstall the app to issue a new one, and load it from a secret store instead of source.";
const SLACK_DOCS = "https://api.slack.com/authentication/token-types";

const digits = (n: number, seed: number): string => fakeBody(n, DIGITS, seed);

/**
 * First three base64 characters of an ASCII decimal number (a Discord user
 * id): the first byte is a digit 1–9, the second a digit 0–9, whose top bits
 * are fixed, so only these 90 trigrams can start a bot token.
 */
const DISCORD_ID_STARTS: readonly string[] = (() => {
  const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const out: string[] = [];
  for (let d1 = 0x31; d1 <= 0x39; d1++) {
    for (let d2 = 0x30; d2 <= 0x39; d2++) {
      out.push(b64[d1 >> 2]! + b64[((d1 & 3) << 4) | (d2 >> 4)]! + b64[(d2 & 15) << 2]!);
    }
  }
  return [...new Set(out)];
})();
/** The fourth base64 character of three ASCII digits: the third digit's low six bits (0x30–0x39). */
const DIGIT_LOW_BITS = "wxyz012345";

// Bodies of the Slack token examples, built from parts so no token is spelled out.
const slackBot = joined("xox", "b-", digits(12, 1), "-", digits(13, 2), "-", fakeBody(24, ALNUM, 3));
const slackUser = joined("xox", "p-", digits(12, 4), "-", digits(12, 5), "-", digits(12, 6), "-", fakeBody(32, HEX, 7));
const slackApp = joined("xa", "pp-1-A", fakeBody(10, UPPER_ALNUM, 8), "-", digits(13, 9), "-", fakeBody(64, HEX, 10));
const slackConfig = joined("xox", "e.xox", "p-1-", fakeBody(164, ALNUM, 11));
const slackRefresh = joined("xox", "e-1-", fakeBody(146, ALNUM, 12));
const slackLegacyBot = joined("xox", "b-", digits(12, 13), "-", fakeBody(24, ALNUM, 14));
const slackWorkspace = joined("xox", "a-2-", digits(9, 15), "-", digits(11, 16), "-", digits(13, 17), "-", fakeBody(18, HEX, 18));
const slackLegacy = joined("xox", "s-", digits(12, 19), "-", digits(9, 20), "-", digits(10, 21), "-", fakeBody(10, HEX, 22));
const slackHook = joined("https://hooks.", "slack.com/services/T", fakeBody(8, UPPER_ALNUM, 23), "/B", fakeBody(8, UPPER_ALNUM, 24), "/", fakeBody(24, ALNUM, 25));

export const messagingRules: readonly RuleSpec[] = [
  // ---------------------------------------------------------------- Slack
  {
    id: "slack-bot-token",
    description: "Slack bot token (xoxb-<team>-<bot>-<secret>)",
    provider: "Slack",
    severity: "high",
    keywords: ["xoxb-"],
    // Team and bot ids are 10–13 digits; the random tail is up to 32 today,
    // 64 leaves room without letting the match run on.
    regex: `${LEFT}(?<secret>xoxb-[0-9]{10,13}-[0-9]{10,13}(?:-[A-Za-z0-9]{0,64})?)${RIGHT}`,
    specificity: 80,
    remediation: SLACK_ROTATE,
    docsUrl: SLACK_DOCS,
    examples: {
      positive: [withSecret('"bot_token": "', slackBot, '"')],
      negative: ["xoxb-xxx", "xoxb-12345-abcd234", "SLACK_BOT_TOKEN=xoxb-your-token-here"],
    },
  },
  {
    id: "slack-user-token",
    description: "Slack user token (xoxp-/xoxe-, three numeric ids and a secret)",
    provider: "Slack",
    severity: "high",
    keywords: ["xoxp-", "xoxe-"],
    regex: `${LEFT}(?<secret>xox[pe](?:-[0-9]{10,13}){3}-[A-Za-z0-9-]{28,34})${RIGHT}`,
    specificity: 80,
    remediation: SLACK_ROTATE,
    docsUrl: SLACK_DOCS,
    examples: {
      positive: [withSecret('userToken = "', slackUser, '"')],
      negative: ['"token1": "xoxp-1234567890"', "xoxp-1234-1234-1234"],
    },
  },
  {
    id: "slack-app-token",
    description: "Slack app-level token (xapp-)",
    provider: "Slack",
    severity: "high",
    keywords: ["xapp-"],
    regex: `${LEFT}(?<secret>xapp-[0-9]-[A-Z0-9]{6,16}-[0-9]{6,16}-[A-Za-z0-9]{32,128})${RIGHT}`,
    specificity: 80,
    remediation: SLACK_ROTATE,
    docsUrl: SLACK_DOCS,
    examples: {
      positive: [withSecret("slack_token: ", slackApp)],
      negative: ["xapp-1-A0000-12-abc", "const xappId = 'xapp-config';"],
    },
  },
  {
    id: "slack-config-access-token",
    description: "Slack app configuration access token (xoxe.xoxp-/xoxe.xoxb-)",
    provider: "Slack",
    severity: "high",
    keywords: ["xoxe.xox"],
    regex: `${LEFT}(?<secret>xoxe\\.xox[bp]-[0-9]-[A-Za-z0-9]{160,170})${RIGHT}`,
    specificity: 85,
    remediation: SLACK_ROTATE,
    docsUrl: "https://api.slack.com/authentication/config-tokens",
    examples: {
      positive: [withSecret("accessToken = '", slackConfig, "'")],
      negative: ["xoxe.xoxp-1-SlackAppConfigurationAccessTokenHere", "xoxe.xoxp-1-initial"],
    },
  },
  {
    id: "slack-config-refresh-token",
    description: "Slack app configuration refresh token (xoxe-1-)",
    provider: "Slack",
    severity: "high",
    keywords: ["xoxe-"],
    regex: `${LEFT}(?<secret>xoxe-[0-9]-[A-Za-z0-9]{140,150})${RIGHT}`,
    specificity: 85,
    remediation: SLACK_ROTATE,
    docsUrl: "https://api.slack.com/authentication/config-tokens",
    examples: {
      positive: [withSecret('refresh_token: "', slackRefresh, '"')],
      negative: ["XOxE-RROAmw, Home and Garden, 5:24, 20120323", "xoxe-1-short"],
    },
  },
  {
    id: "slack-legacy-bot-token",
    description: "Slack legacy bot token (xoxb-<digits>-<secret>)",
    provider: "Slack",
    severity: "high",
    keywords: ["xoxb-"],
    regex: `${LEFT}(?<secret>xoxb-[0-9]{8,14}-[A-Za-z0-9]{18,26})${RIGHT}`,
    specificity: 75,
    remediation: SLACK_ROTATE,
    docsUrl: SLACK_DOCS,
    examples: {
      positive: [withSecret('var slackToken = "', slackLegacyBot, '"')],
      negative: ["xoxb-Slack_BOT_TOKEN", "xoxb-abcdef-abcdef"],
    },
  },
  {
    id: "slack-legacy-workspace-token",
    description: "Slack legacy workspace token (xoxa-/xoxr-)",
    provider: "Slack",
    severity: "high",
    keywords: ["xoxa-", "xoxr-"],
    // Either numeric ids separated by dashes (optionally a hex secret), or
    // one 8–48 character segment that mixes letters and digits, so a bare
    // `xoxa-<word>` (`xoxa-nyc`, `xoxa-workspace`) stays quiet.
    regex:
      `${LEFT}(?<secret>xox[ar]-(?:[0-9]-)?(?:[0-9]{8,14}(?:-[A-Za-z0-9]{6,48}){1,4}|` +
      `(?=[A-Za-z]{0,47}[0-9])(?=[0-9]{0,47}[A-Za-z])[0-9A-Za-z]{8,48}))${RIGHT}`,
    specificity: 75,
    remediation: SLACK_ROTATE,
    docsUrl: SLACK_DOCS,
    examples: {
      positive: [withSecret('"access_token": "', slackWorkspace, '"')],
      negative: ["xoxa-workspace-token", "xoxa-2-12", "https://github.com/xoxa-nyc/xoxa-nyc.github.io/blob/master/README.md"],
    },
  },
  {
    id: "slack-legacy-token",
    description: "Slack legacy token (xoxs-/xoxo-)",
    provider: "Slack",
    severity: "high",
    keywords: ["xoxs-", "xoxo-"],
    // The hex tail is 10 characters in old tokens and up to 64 in newer ones.
    regex: `${LEFT}(?<secret>xox[os]-[0-9]{4,14}(?:-[0-9]{4,14}){1,3}(?:-[A-Za-z0-9]{6,128})?)${RIGHT}`,
    specificity: 75,
    remediation: SLACK_ROTATE,
    docsUrl: SLACK_DOCS,
    examples: {
      positive: [withSecret('slackToken = "', slackLegacy, '"')],
      negative: ["https://indieweb.org/images/3/35/2018-250-xoxo-indieweb-1.jpg", "xoxo, gossip girl"],
    },
  },
  {
    id: "slack-webhook-url",
    description: "Slack incoming webhook, workflow or trigger URL",
    provider: "Slack",
    severity: "medium",
    keywords: ["hooks.slack.com"],
    // services/T…/B…/<24> is 43–50 characters; workflow URLs carry one more
    // numeric id. 96 bounds the tail.
    regex: "(?<secret>(?:https?://)?hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_-]{40,96})(?![A-Za-z0-9+/_-])",
    specificity: 80,
    remediation: "Delete the webhook (Slack app → Incoming Webhooks → Remove) and create a new one; keep the URL in a secret store.",
    docsUrl: "https://api.slack.com/messaging/webhooks",
    examples: {
      positive: [withSecret('"hook": "', slackHook, '",')],
      negative: ["https://hooks.slack.com/services/TXXXXX/BXXXXX/XXXXXXXXXX", "See https://hooks.slack.com/ for details"],
    },
  },
  // -------------------------------------------------------------- Discord
  {
    id: "discord-bot-token",
    description: "Discord bot token (<base64 user id>.<timestamp>.<hmac>)",
    provider: "Discord",
    severity: "high",
    // The first part is the base64 of a numeric snowflake id, so its first
    // three characters are one of the 90 DISCORD_ID_STARTS and its fourth
    // encodes the low bits of the third digit (`w`–`z`, `0`–`5`); it is 24–26
    // characters, then a 6-character timestamp and a 27–38 character HMAC.
    // Boundaries on both sides keep it from firing inside longer base64.
    // The keywords are the 900 possible first four characters: the first three
    // alone, case-folded, are in every `index`, `content`, `node`.
    keywords: DISCORD_ID_STARTS.flatMap((s) => [...DIGIT_LOW_BITS].map((c) => (s + c).toLowerCase())),
    regex: `(?<![A-Za-z0-9_+/.-])(?<secret>(?:${DISCORD_ID_STARTS.join("|")})[${DIGIT_LOW_BITS}][A-Za-z0-9_-]{20,22}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,38})(?![A-Za-z0-9_+/.-])`,
    entropy: 4.0,
    specificity: 65,
    remediation: "Reset the bot token (Discord Developer Portal → Bot → Reset Token) and load it from the environment.",
    docsUrl: "https://discord.com/developers/docs/topics/oauth2#bots",
    examples: {
      positive: [withSecret("DISCORD_TOKEN=", joined("MTAy", fakeBody(20, ALNUM, 30), ".", fakeBody(6, BASE64URL, 31), ".", fakeBody(27, BASE64URL, 32)))],
      negative: [joined("MZ1yGvKTj0rY0cV8i47CjAa", ".uHQPq.", "Xb1Mk2nEhe-4icrGOuegj57zMC"), "version 1.2.3"],
    },
  },
  {
    id: "discord-api-token",
    description: "Discord API token (64 hex) next to a Discord name",
    provider: "Discord",
    severity: "high",
    keywords: ["discord"],
    regex: assigned([ci("discord")], "[a-f0-9]{64}") ,
    entropy: 3.0,
    specificity: 40,
    remediation: "Regenerate the credential in the Discord Developer Portal and load it from the environment.",
    docsUrl: "https://discord.com/developers/docs/reference#authentication",
    examples: {
      positive: [withSecret('discordToken = "', fakeBody(64, HEX, 33), '"')],
      negative: [`sha256 = "${fakeBody(64, HEX, 34)}"`, 'discordToken = "${DISCORD_TOKEN}"'],
    },
  },
  {
    id: "discord-client-id",
    description: "Discord application (client) id next to a Discord name",
    provider: "Discord",
    severity: "low",
    keywords: ["discord"],
    regex: assigned([ci("discord")], "[0-9]{18}"),
    entropy: 2.5,
    specificity: 40,
    remediation: "A client id is not secret on its own; make sure the matching client secret is not committed.",
    docsUrl: "https://discord.com/developers/docs/topics/oauth2",
    examples: {
      positive: [withSecret('discord_client_id = "', digits(18, 35), '"')],
      negative: ['discord_client_id = "000000000000000000"', `build_id = "${digits(18, 36)}"`],
    },
  },
  {
    id: "discord-client-secret",
    description: "Discord OAuth2 client secret next to a Discord name",
    provider: "Discord",
    severity: "high",
    keywords: ["discord"],
    regex: assigned([ci("discord")], "[A-Za-z0-9=_-]{32}"),
    entropy: 2.5,
    specificity: 40,
    remediation: "Reset the client secret (Discord Developer Portal → OAuth2 → Reset Secret) and load it from the environment.",
    docsUrl: "https://discord.com/developers/docs/topics/oauth2",
    examples: {
      positive: [withSecret('var discordSecret = "', fakeBody(32, ALNUM, 37), '"')],
      negative: ['discord_secret = "${{ secrets.DISCORD_SECRET }}"', 'discord_channel = "general-announcements"'],
    },
  },
  {
    id: "discord-webhook-url",
    description: "Discord webhook URL",
    provider: "Discord",
    severity: "medium",
    keywords: ["/api/webhooks/"],
    regex: "(?<secret>https://(?:(?:ptb|canary)\\.)?discord(?:app)?\\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,68})(?![A-Za-z0-9_-])",
    specificity: 80,
    remediation: "Delete the webhook (channel settings → Integrations → Webhooks) and create a new one.",
    docsUrl: "https://discord.com/developers/docs/resources/webhook",
    examples: {
      positive: [withSecret("WEBHOOK=", joined("https://discord", "app.com/api/webhooks/", digits(18, 39), "/", fakeBody(68, BASE64URL, 40)))],
      negative: ["https://discord.com/api/webhooks/{id}/{token}", "https://discord.com/developers/docs/resources/webhook"],
    },
  },
  // ------------------------------------------------------------- Telegram
  {
    id: "telegram-bot-token",
    description: "Telegram bot API token (<bot id>:AA…)",
    provider: "Telegram",
    severity: "high",
    keywords: [":aa"],
    // Bot id (8–10 digits), a colon, then 35 characters starting with `AA`.
    // Also matched right after `/bot` in api.telegram.org URLs; a bare
    // `bot123…:` glued to a word is not a token.
    regex: "(?:(?<![A-Za-z0-9_:])|(?<=/bot))(?<secret>[0-9]{8,10}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])",
    entropy: 3.5,
    specificity: 80,
    remediation: "Revoke the token with @BotFather (/revoke) and load the new one from the environment.",
    docsUrl: "https://core.telegram.org/bots/api#authorizing-your-bot",
    examples: {
      positive: [
        withSecret("TELEGRAM_TOKEN=", joined(digits(10, 41), ":AA", fakeBody(33, BASE64URL, 42))),
        withSecret('url = "https://api.telegram.org/bot', joined(digits(9, 43), ":AA", fakeBody(33, BASE64URL, 44)), '/sendMessage"'),
      ],
      negative: [`bot${joined(digits(9, 45), ":AA", fakeBody(33, BASE64URL, 46))}`, "12:30:AA meeting"],
    },
  },
  {
    id: "telegram-bot-token-assigned",
    description: "Telegram bot token next to a Telegram name (looser shape than the bare rule)",
    provider: "Telegram",
    severity: "high",
    keywords: ["telegr"],
    // Next to a Telegram name, any bot id of 5–16 digits and `:A` + 34
    // characters counts, as gitleaks accepts; bare tokens need the strict shape.
    regex: assigned([`${ci("telegr")}(?:${ci("am")}|${ci("af")})?`], "[0-9]{5,16}:A[A-Za-z0-9_-]{34}"),
    entropy: 3.5,
    specificity: 75,
    remediation: "Revoke the token with @BotFather (/revoke) and load the new one from the environment.",
    docsUrl: "https://core.telegram.org/bots/api#authorizing-your-bot",
    examples: {
      positive: [withSecret("TELEGRAM_API_TOKEN = ", joined(digits(7, 110), ":A", fakeBody(34, BASE64URL, 111)))],
      negative: ['telegram_chat_id = "-1001234567"', 'telegram_type="clm12345:AgencyIdentificationCodeContentType"'],
    },
  },
  // ----------------------------------------------------------------- NATS
  {
    id: "nats-nkey-seed",
    description: "NATS NKey seed (S + key type + 56 base32 characters)",
    provider: "NATS",
    severity: "critical",
    // A seed is base32 of two prefix bytes (seed marker, key type) + key +
    // CRC: it always starts S, the type letter (User, Account, Operator,
    // server Node, Cluster, curve X) and A, then 55 more characters. Nothing
    // else in the wild has that fixed upper-case base32 shape and length.
    // The second prefix byte's low three bits are zero, so the fourth
    // character is A–P; the keywords are those 96 first four characters
    // (`sca`, `sna` alone are in every `scale`, `snapshot`).
    keywords: [..."UAONCX"].flatMap((t) => [..."ABCDEFGHIJKLMNOP"].map((c) => `s${t}a${c}`.toLowerCase())),
    regex: "(?<![A-Za-z0-9_-])(?<secret>S[UAONCX]A[A-P][A-Z2-7]{54})(?![A-Za-z0-9_-])",
    entropy: 3.5,
    specificity: 80,
    remediation: "Generate a new NKey (`nk -gen user`), update the server/account configuration, and delete the old seed; keep seeds in a credentials file outside the repository.",
    docsUrl: "https://docs.nats.io/running-a-nats-service/configuration/securing_nats/auth_intro/nkey_auth",
    examples: {
      positive: [withSecret("// ", fakeToken("SUAC", 54, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 114))],
      negative: ["SUCCESSFULLY_COMPLETED_THE_OPERATION", `SU${"A".repeat(56)}`],
    },
  },
  // --------------------------------------------------------------- Twilio
  {
    id: "twilio-api-key",
    description: "Twilio API key SID secret pair (SK + 32 hex)",
    provider: "Twilio",
    severity: "high",
    // SK + two hex digits (`sk` + one letter is in every `skeleton`, `isKeyword`).
    keywords: [..."0123456789abcdef"].flatMap((h) => [..."0123456789abcdef"].map((g) => `sk${h}${g}`)),
    regex: `${LEFT}(?<secret>SK[0-9a-fA-F]{32})${RIGHT}`,
    entropy: 3.0,
    specificity: 60,
    remediation: "Delete the API key in the Twilio Console (Account → API keys) and create a new one.",
    docsUrl: "https://www.twilio.com/docs/iam/api-keys",
    examples: {
      positive: [withSecret("TWILIO_API_KEY=", fakeToken("SK", 32, HEX, 47))],
      negative: ["SKIP_TESTS=1", `ASK${fakeBody(32, HEX, 48)}`],
    },
  },
  {
    id: "twilio-auth-token",
    description: "Twilio auth token (32 hex) next to a Twilio name",
    provider: "Twilio",
    severity: "high",
    keywords: ["twilio"],
    regex: assigned([ci("twilio")], "[a-f0-9]{32}"),
    entropy: 3.0,
    specificity: 40,
    remediation: "Rotate the auth token in the Twilio Console (Account → API keys & tokens → Auth tokens).",
    docsUrl: "https://www.twilio.com/docs/iam/access-tokens",
    examples: {
      positive: [withSecret("TWILIO_AUTH_TOKEN=", fakeBody(32, HEX, 49))],
      negative: [`md5 = "${fakeBody(32, HEX, 50)}"`, "TWILIO_AUTH_TOKEN=${TWILIO_AUTH_TOKEN}"],
    },
  },
  // ------------------------------------------------------------- SendGrid
  {
    id: "sendgrid-api-token",
    description: "SendGrid API key (SG.<id>.<secret>)",
    provider: "SendGrid",
    severity: "high",
    keywords: ["sg."],
    // SG. + 22-character key id + . + 43-character secret; the ranges admit
    // older and shortened forms without running on.
    // Also the undotted 66-character form some tools print.
    regex: `(?<![A-Za-z0-9_.-])(?<secret>SG\\.(?:[A-Za-z0-9_-]{16,32}\\.[A-Za-z0-9_-]{16,64}|[A-Za-z0-9_-]{66}))(?![A-Za-z0-9_.=-])`,
    entropy: 3.0,
    specificity: 80,
    remediation: "Delete the API key (SendGrid → Settings → API Keys) and create a new one with the least scope needed.",
    docsUrl: "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys",
    examples: {
      positive: [withSecret("SENDGRID_API_KEY=", joined("SG", ".", fakeBody(22, BASE64URL, 51), ".", fakeBody(43, BASE64URL, 52)))],
      negative: ["SG.example.com", "msg.send(SG.config)"],
    },
  },
  // -------------------------------------------------------------- Mailgun
  {
    id: "mailgun-private-api-token",
    description: "Mailgun private API key (key-<32 hex>)",
    provider: "Mailgun",
    severity: "high",
    keywords: ["key-"],
    regex: `${LEFT}(?<secret>key-[a-f0-9]{32})${RIGHT}`,
    entropy: 3.0,
    specificity: 70,
    remediation: "Reset the key (Mailgun → API Security) and load it from the environment.",
    docsUrl: "https://documentation.mailgun.com/docs/mailgun/user-manual/get-started/#primary-account-api-key",
    examples: {
      positive: [withSecret('string mailgunToken = "', fakeToken("key-", 32, HEX, 53), '";')],
      negative: [`cache-key-${fakeBody(32, HEX, 54)}`, "key-value store"],
    },
  },
  {
    id: "mailgun-pub-key",
    description: "Mailgun public validation key (pubkey-<32 hex>)",
    provider: "Mailgun",
    severity: "low",
    keywords: ["pubkey-"],
    regex: `${LEFT}(?<secret>pubkey-[a-f0-9]{32})${RIGHT}`,
    entropy: 3.0,
    specificity: 70,
    remediation: "Rotate the public validation key in Mailgun if it is not meant to be public.",
    docsUrl: "https://documentation.mailgun.com/docs/mailgun/user-manual/get-started/",
    examples: {
      positive: [withSecret(`mailgunToken := \``, fakeToken("pubkey-", 32, HEX, 55), `\``)],
      negative: ["pubkey-file.pem", "ssh-pubkey-fingerprint"],
    },
  },
  {
    id: "mailgun-signing-key",
    description: "Mailgun webhook signing key (<32 hex>-<8 hex>-<8 hex>)",
    provider: "Mailgun",
    severity: "high",
    // The three-part shape is Mailgun's own, but it has no literal the
    // keyword filter could look for: a Mailgun name or "signing" must occur
    // within the rule's reach. The boundaries stop it inside longer hex runs.
    keywords: ["mailgun", "signing", "key-"],
    regex: `(?<![A-Za-z0-9_-])(?<secret>[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8})${RIGHT}`,
    entropy: 3.2,
    specificity: 60,
    remediation: "Rotate the HTTP webhook signing key (Mailgun → Webhooks) and update the receiver.",
    docsUrl: "https://documentation.mailgun.com/docs/mailgun/user-manual/tracking-messages/#securing-webhooks",
    examples: {
      positive: [withSecret("MAILGUN_SIGNING_KEY=", joined(fakeBody(32, HEX, 56), "-", fakeBody(8, HEX, 57), "-", fakeBody(8, HEX, 58)))],
      negative: [`id: ${fakeBody(32, HEX, 59)}-${fakeBody(8, HEX, 60)}`, "00000000000000000000000000000000-00000000-00000000"],
    },
  },
  // ------------------------------------------------------------ Mailchimp
  {
    id: "mailchimp-api-key",
    description: "Mailchimp API key (<32 hex>-us<dc>)",
    provider: "Mailchimp",
    severity: "high",
    keywords: ["-us"],
    // Lower-case hex only: Mailchimp never issues upper-case keys.
    regex: `${LEFT}(?<secret>[0-9a-f]{32}-us[0-9]{1,2})${RIGHT}`,
    entropy: 3.0,
    specificity: 70,
    remediation: "Revoke the key (Mailchimp → Account → Extras → API keys) and create a new one.",
    docsUrl: "https://mailchimp.com/developer/marketing/guides/quick-start/#generate-your-api-key",
    examples: {
      positive: [withSecret("mailchimp_api_key: ", `${fakeBody(32, HEX, 61)}-us18`)],
      negative: [`${fakeBody(32, HEX, 62).toUpperCase()}-us2`, "3a5633e829d3c71-us2"],
    },
  },
  {
    id: "mailchimp-transactional-key",
    description: "Mailchimp Transactional (Mandrill) API key next to a Mandrill name",
    provider: "Mailchimp",
    severity: "high",
    keywords: ["mandrill"],
    regex: assigned([ci("mandrill")], "[A-Za-z0-9_-]{22}"),
    entropy: 3.5,
    specificity: 40,
    remediation: "Delete the key in Mailchimp Transactional (Settings → SMTP & API Info) and create a new one.",
    docsUrl: "https://mailchimp.com/developer/transactional/guides/quick-start/",
    examples: {
      positive: [withSecret("MANDRILL_API_KEY=", fakeBody(22, ALNUM, 63))],
      negative: ["MANDRILL_API_KEY=your-mandrill-key", "mandrill_template = welcome_email_v2"],
    },
  },
  // ------------------------------------------------------------- Postmark
  {
    id: "postmark-server-token",
    description: "Postmark server or account token (UUID) next to a Postmark name",
    provider: "Postmark",
    severity: "high",
    keywords: ["postmark"],
    regex: near([ci("postmark")], UUID),
    entropy: 3.0,
    specificity: 45,
    remediation: "Regenerate the server API token (Postmark → Server → API Tokens) and load it from the environment.",
    docsUrl: "https://postmarkapp.com/developer/api/overview#authentication",
    examples: {
      positive: [withSecret('-H "X-Postmark-Server-Token: ', fakeUuid(64), '"')],
      negative: ["X-Postmark-Server-Token: POSTMARK_API_TEST", `request_id = "${fakeUuid(69)}"`],
    },
  },
  // --------------------------------------------------------- Brevo
  {
    id: "brevo-api-key",
    description: "Brevo (Sendinblue) API or SMTP key (xkeysib-/xsmtpsib-)",
    provider: "Brevo",
    severity: "high",
    keywords: ["xkeysib-", "xsmtpsib-"],
    regex: `${LEFT}(?<secret>x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16})${RIGHT}`,
    // The prefix proves the kind: a body with a digit run is still reported.
    specificity: 85,
    remediation: "Delete the key (Brevo → SMTP & API → API keys) and create a new one.",
    docsUrl: "https://developers.brevo.com/docs/getting-started",
    examples: {
      positive: [withSecret('sendinblue_TOKEN := "', joined("xkey", "sib-", fakeBody(64, HEX, 74), "-", fakeBody(16, ALNUM, 75)), '"')],
      negative: ["xkeysib-your-api-key", `xkeysib-${fakeBody(20, HEX, 76)}`],
    },
  },
  // ---------------------------------------------------------- MessageBird
  {
    id: "messagebird-api-token",
    description: "MessageBird (Bird) API access key next to a MessageBird name",
    provider: "MessageBird",
    severity: "high",
    keywords: ["messagebird", "message-bird", "message_bird"],
    regex: assigned([`${ci("message")}[_-]?${ci("bird")}`], "[A-Za-z0-9]{25}"),
    entropy: 3.0,
    specificity: 40,
    remediation: "Delete the access key in the MessageBird dashboard (Developers → API access) and create a new one.",
    docsUrl: "https://developers.messagebird.com/api/#authentication",
    examples: {
      positive: [withSecret("MESSAGE_BIRD_TOKEN=", fakeBody(25, LOWER_ALNUM, 77))],
      negative: ["messagebird_token = process.env.MESSAGEBIRD_TOKEN", "messagebirdChannel = 'sms'"],
    },
  },
  {
    id: "messagebird-client-id",
    description: "MessageBird client id (UUID) next to a MessageBird name",
    provider: "MessageBird",
    severity: "low",
    keywords: ["messagebird", "message-bird", "message_bird"],
    regex: assigned([`${ci("message")}[_-]?${ci("bird")}`], UUID),
    entropy: 3.0,
    specificity: 40,
    remediation: "A client id is not secret on its own; make sure the matching access key is not committed.",
    docsUrl: "https://developers.messagebird.com/api/#authentication",
    examples: {
      positive: [withSecret('const MessageBirdClientID = "', fakeUuid(78), '"')],
      negative: ['MessageBirdClientID = "00000000-0000-0000-0000-000000000000"'],
    },
  },
  // ------------------------------------------------------------- Sendbird
  {
    id: "sendbird-access-token",
    description: "Sendbird API token (40 hex) next to a Sendbird name",
    provider: "Sendbird",
    severity: "high",
    keywords: ["sendbird"],
    regex: assigned([ci("sendbird")], "[a-f0-9]{40}"),
    entropy: 3.0,
    specificity: 40,
    remediation: "Revoke the API token (Sendbird dashboard → Settings → General → API tokens) and create a new one.",
    docsUrl: "https://sendbird.com/docs/chat/platform-api/v3/prepare-to-use-api#2-authentication",
    examples: {
      positive: [withSecret('sendbird_token: "', fakeBody(40, HEX, 83), '"')],
      negative: [`commit = "${fakeBody(40, HEX, 84)}"`],
    },
  },
  {
    id: "sendbird-access-id",
    description: "Sendbird application id (UUID) next to a Sendbird name",
    provider: "Sendbird",
    severity: "low",
    keywords: ["sendbird"],
    regex: assigned([ci("sendbird")], UUID),
    entropy: 3.0,
    specificity: 40,
    remediation: "An application id is not secret on its own; make sure the API token is not committed.",
    docsUrl: "https://sendbird.com/docs/chat/platform-api/v3/prepare-to-use-api",
    examples: {
      positive: [withSecret("sendbirdAppId=", fakeUuid(85))],
      negative: ["sendbirdAppId=${SENDBIRD_APP_ID}"],
    },
  },
  // ----------------------------------------------------------- Mattermost
  {
    id: "mattermost-access-token",
    description: "Mattermost personal access or bot token next to a Mattermost name",
    provider: "Mattermost",
    severity: "high",
    keywords: ["mattermost"],
    regex: assigned([ci("mattermost")], "[a-z0-9]{26}"),
    entropy: 3.0,
    specificity: 40,
    remediation: "Revoke the token (Mattermost → Profile → Security → Personal Access Tokens) and create a new one.",
    docsUrl: "https://developers.mattermost.com/integrate/reference/personal-access-token/",
    examples: {
      positive: [withSecret('mattermost_token: "', fakeBody(26, LOWER_ALNUM, 90), '"')],
      negative: ["mattermost_token: \"mattermost-bot-token-value\""],
    },
  },
  // ------------------------------------------- More messaging & e-mail APIs
  named({
    id: "vonage-api-secret", provider: "Vonage", what: "(Nexmo) API secret",
    names: [ci("vonage"), ci("nexmo")], keywords: ["vonage", "nexmo"], body: "[A-Za-z0-9]{16}", entropy: 3.3,
    example: fakeBody(16, ALNUM, 120), exampleName: "vonage_api_secret",
    remediation: "Rotate the API secret in the Vonage API dashboard (API settings) and load it from the environment.",
    docsUrl: "https://developer.vonage.com/en/getting-started/concepts/authentication",
  }),
  named({
    id: "plivo-auth-token", provider: "Plivo", what: "auth token (40 characters)",
    names: [ci("plivo")], keywords: ["plivo"], body: "[A-Za-z0-9]{40}", entropy: 3.5,
    example: fakeBody(40, ALNUM, 121), exampleName: "plivo_auth_token",
    remediation: "Regenerate the auth token in the Plivo console (Account → Overview) and load it from the environment.",
    docsUrl: "https://www.plivo.com/docs/account/authentication",
  }),
  named({
    id: "mailjet-api-key", provider: "Mailjet", what: "API key or secret (32 hex)",
    names: [ci("mailjet"), `${ci("mj")}_${ci("apikey")}`], keywords: ["mailjet", "mj_apikey"], body: "[a-f0-9]{32}", entropy: 3.0,
    example: fakeBody(32, HEX, 122), exampleName: "MJ_APIKEY_PRIVATE",
    remediation: "Create a new API key pair in Mailjet (Account settings → API keys) and delete the old one.",
    docsUrl: "https://dev.mailjet.com/email/guides/",
  }),
  named({
    id: "sparkpost-api-key", provider: "SparkPost", what: "API key (40 hex)",
    names: [`${ci("spark")}[_-]?${ci("post")}`], keywords: ["sparkpost", "spark_post", "spark-post"], body: "[a-f0-9]{40}", entropy: 3.0,
    example: fakeBody(40, HEX, 123), exampleName: "SPARKPOST_API_KEY",
    remediation: "Delete the key in SparkPost (Configuration → API Keys) and create a new one.",
    docsUrl: "https://developers.sparkpost.com/api/#header-authorization",
  }),
  named({
    id: "ably-api-key", provider: "Ably", what: "API key (<app>.<key>:<secret>)",
    names: [ci("ably")], keywords: ["ably"], body: "[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{6}:[A-Za-z0-9_-]{43}", entropy: 3.5,
    example: joined(fakeBody(6, ALNUM, 124), ".", fakeBody(6, ALNUM, 125), ":", fakeBody(43, BASE64URL, 126)), exampleName: "ABLY_API_KEY",
    remediation: "Revoke the key in the Ably dashboard (app → API Keys) and create a new one.",
    docsUrl: "https://ably.com/docs/auth/basic",
  }),
  named({
    id: "pusher-app-secret", provider: "Pusher", what: "app secret (20 hex)",
    names: [ci("pusher")], keywords: ["pusher"], body: "[a-f0-9]{20}", entropy: 3.0,
    example: fakeBody(20, HEX, 127), exampleName: "PUSHER_APP_SECRET",
    remediation: "Regenerate the app secret in the Pusher dashboard (App Keys) and update the servers.",
    docsUrl: "https://pusher.com/docs/channels/server_api/authenticating-users/",
  }),
  // ------------------------------------------------------ Microsoft Teams
  {
    id: "microsoft-teams-webhook",
    description: "Microsoft Teams incoming webhook URL",
    provider: "Microsoft",
    severity: "medium",
    keywords: ["webhook.office.com", "outlook.office.com/webhook"],
    regex:
      "(?<secret>https://(?:[a-z0-9-]{1,64}\\.webhook\\.office\\.com/webhookb2|outlook\\.office\\.com/webhook)/" +
      `${UUID}@${UUID}/IncomingWebhook/[a-f0-9]{32}/${UUID}(?:/[A-Za-z0-9_-]{1,64})?)`,
    specificity: 80,
    remediation: "Remove the Incoming Webhook connector from the channel and create a new one.",
    docsUrl: "https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook",
    examples: {
      positive: [
        withSecret("url: ", joined(
          "https://contoso.webhook.", "office.com/webhookb2/",
          fakeUuid(91),
          "@",
          fakeUuid(96),
          "/IncomingWebhook/", fakeBody(32, HEX, 101), "/",
          fakeUuid(102),
        )),
      ],
      negative: ["https://contoso.webhook.office.com/webhookb2/<id>"],
    },
  },
];
