/**
 * Data platforms: Databricks, Snowflake, MongoDB Atlas, PlanetScale,
 * Supabase, Firebase.
 */
import { fakeToken, joined, withSecret } from "../../examples.js";
import type { RuleSpec } from "../../types.js";
import { LEFT, RIGHT, assigned, ci, namedBy, vendorWord } from "../dsl.js";
import { ROTATE } from "./common.js";

export const dataPlatformRules: readonly RuleSpec[] = [
  // ------------------------------------------------------------ Databricks
  {
    id: "databricks-api-token",
    description: "Databricks personal access token (dapi…)",
    provider: "Databricks",
    severity: "high",
    keywords: ["dapi"],
    regex: "(?<![A-Za-z0-9])(?<secret>dapi[a-f0-9]{32}(?:-\\d)?)(?![A-Za-z0-9])",
    entropy: 3.0,
    specificity: 80,
    remediation: ROTATE("token", "Databricks (User settings → Developer → Access tokens)"),
    docsUrl: "https://docs.databricks.com/en/dev-tools/auth/pat.html",
    tags: ["databricks"],
    examples: {
      positive: [withSecret("databricksToken = ", fakeToken("dapi", 32, "hex", "databricks"))],
      negative: ["dapi" + "0".repeat(32)],
    },
  },

  // ------------------------------------------------------------- Snowflake
  {
    id: "snowflake-credential",
    description: "Snowflake password or key passphrase assigned to a Snowflake name, or inline in a Snowflake JDBC URL",
    provider: "Snowflake",
    severity: "high",
    keywords: ["snowflake"],
    regex:
      "(?:" + assigned([`${vendorWord("snowflake")}[\\w.-]{0,20}?(?:${ci("password")}|${ci("passwd")}|${ci("pwd")}|${ci("passphrase")}|${ci("token")})`], "[^\\s'\"\\x60;,\\\\]{8,128}", { sameLine: true }) + ")",
    entropy: 3.0,
    specificity: 55,
    wordFilter: "password",
    remediation: ROTATE("credential", "Snowflake (ALTER USER … SET PASSWORD / RSA_PUBLIC_KEY)") + " Prefer key-pair or OAuth authentication.",
    docsUrl: "https://docs.snowflake.com/en/user-guide/key-pair-auth",
    tags: ["snowflake", "database"],
    examples: {
      positive: [withSecret("SNOWFLAKE_PASSWORD=", fakeToken("", 20, "alnum", "snowflake"))],
      negative: ["snowflake.password=\njdbc.snowflake.url="],
    },
  },

  // --------------------------------------------------------- MongoDB Atlas
  {
    id: "mongodb-atlas-api-key",
    description: "MongoDB Atlas service-account secret (mdb_sa_sk_…) or Admin API private key",
    provider: "MongoDB Atlas",
    severity: "critical",
    keywords: ["mdb_sa_sk_", "atlas"],
    regex:
      "(?:" + LEFT + "(?=mdb_sa_sk_)|" + namedBy([`${vendorWord("atlas")}[\\w.-]{0,20}?${ci("private")}[_.-]?${ci("key")}`], { sameLine: true }) + "(?=[0-9a-f]{8}-))" +
      "(?<secret>mdb_sa_sk_[A-Za-z0-9_-]{32,64}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})" + RIGHT,
    entropy: 3.0,
    specificity: 80,
    remediation: ROTATE("API key", "MongoDB Atlas (Organization → Access Manager → API keys / Service accounts)"),
    docsUrl: "https://www.mongodb.com/docs/atlas/configure-api-access/",
    tags: ["mongodb", "database"],
    examples: {
      positive: [withSecret("MONGODB_ATLAS_CLIENT_SECRET=", fakeToken("mdb_sa_sk_", 40, "base64url", "atlas"))],
      negative: ["mdb_sa_sk_" + "x".repeat(40)],
    },
  },

  // ----------------------------------------------------------- PlanetScale
  {
    id: "planetscale-token",
    description: "PlanetScale API token, OAuth token or database password (pscale_tkn_, pscale_oauth_, pscale_pw_)",
    provider: "PlanetScale",
    severity: "high",
    keywords: ["pscale_"],
    regex: "(?<![A-Za-z0-9_])(?<secret>pscale_(?:tkn|oauth|pw)_[\\w=.-]{32,64})(?![\\w=.-])",
    entropy: 3.0,
    specificity: 85,
    remediation: ROTATE("token or password", "PlanetScale (Organization settings → Service tokens, or Branch → Passwords)"),
    docsUrl: "https://planetscale.com/docs/concepts/service-tokens",
    tags: ["planetscale", "database"],
    examples: {
      positive: [withSecret('planetScaleToken = "', fakeToken("pscale_pw_", 43, "base64url", "pscale"), '"')],
      negative: ["pscale_pw_" + "x".repeat(43)],
    },
  },

  // -------------------------------------------------------------- Supabase
  {
    id: "supabase-token",
    description: "Supabase personal access token (sbp_…) or secret API key (sb_secret_…)",
    provider: "Supabase",
    severity: "critical",
    keywords: ["sbp_", "sb_secret_"],
    regex: LEFT + "(?<secret>sbp_(?:oauth_)?[a-f0-9]{40}|sb_secret_[A-Za-z0-9_-]{31,64})" + RIGHT,
    entropy: 3.0,
    specificity: 85,
    remediation: ROTATE("key", "the Supabase dashboard (Account → Access tokens, or Project settings → API keys)"),
    docsUrl: "https://supabase.com/docs/guides/api/api-keys",
    tags: ["supabase", "database"],
    examples: {
      positive: [withSecret("SUPABASE_ACCESS_TOKEN=", fakeToken("sbp_", 40, "hex", "supabase"))],
      negative: ["sbp_" + "0".repeat(40)],
    },
  },

  // -------------------------------------------------------------- Firebase
  {
    id: "firebase-cloud-messaging-key",
    description: "Firebase Cloud Messaging legacy server key (AAAA…:APA91b…)",
    provider: "Firebase",
    severity: "high",
    keywords: ["aaaa"],
    regex: "(?<![A-Za-z0-9_-])(?<secret>AAAA[A-Za-z0-9_-]{7}:[A-Za-z0-9_-]{140})(?![A-Za-z0-9_-])",
    entropy: 4.0,
    specificity: 85,
    remediation: ROTATE("server key", "the Firebase console (Project settings → Cloud Messaging)") + " Migrate to the FCM HTTP v1 API with short-lived OAuth tokens.",
    docsUrl: "https://firebase.google.com/docs/cloud-messaging/migrate-v1",
    tags: ["firebase", "google"],
    examples: {
      positive: [withSecret('fcm_server_key: "', joined(fakeToken("AAAA", 7, "base64url", "fcm-a"), ":APA91b", fakeToken("", 134, "base64url", "fcm-b")), '"')],
      negative: ["AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
    },
  },
];
