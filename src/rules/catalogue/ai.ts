/**
 * AI and model providers: OpenAI (user, project, service-account and admin
 * keys), Anthropic (API and admin keys), Hugging Face, Cohere, Groq, Mistral,
 * Replicate, Perplexity, xAI, OpenRouter, LangSmith, Cerebras, Deepgram,
 * AssemblyAI, Together AI, DeepSeek, ElevenLabs, Private AI.
 *
 * Vendor-prefixed keys carry their own prefix; hand-typed samples in docs and
 * tests (`…abc123xyz…klmnopqrstuvwx…`) are dropped by the ascending-run
 * allowlist, which a random body practically never trips.
 */
import { ALNUM, BASE64URL, HEX, LOWER_ALNUM, fakeBody, fakeToken, joined, withSecret } from "../examples.js";
import type { RuleSpec } from "../types.js";
import { DOC_EXAMPLE, LEFT, REPEATED_RUN, RIGHT, assigned, ci, named } from "./dsl.js";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

const openaiKey = joined("sk-", "proj-", fakeBody(74, BASE64URL, 1), "T3Blbk", "FJ", fakeBody(74, BASE64URL, 2));
const openaiLegacy = joined("sk-", fakeBody(20, ALNUM, 3), "T3Blbk", "FJ", fakeBody(20, ALNUM, 4));

export const aiRules: readonly RuleSpec[] = [
  {
    id: "openai-api-key",
    description: "OpenAI API key (sk-, sk-proj-, sk-svcacct-, sk-admin-; carries the T3BlbkFJ marker)",
    provider: "OpenAI",
    severity: "critical",
    keywords: ["t3blbkfj"],
    // Every OpenAI key embeds base64("openai") = T3BlbkFJ between two random
    // halves (20 characters each in legacy keys, 58 or 74 in project,
    // service-account and admin keys).
    regex:
      `${LEFT}(?<secret>sk-(?:(?:proj|svcacct|admin|None)-)?[A-Za-z0-9_-]{20,160}T3BlbkFJ[A-Za-z0-9_-]{20,160})${RIGHT}`,
    entropy: 3.5,
    specificity: 90,
    // A vendor prefix proves what the token is: a body that looks typed by hand
    // (`abc123…`) is still reported; only the documentation marker is not.
    allowlist: { regexes: [DOC_EXAMPLE] },
    remediation: "Revoke the key (platform.openai.com → API keys) and create a new one; prefer project keys with limited permissions.",
    docsUrl: "https://platform.openai.com/docs/api-reference/authentication",
    examples: {
      positive: [withSecret("OPENAI_API_KEY=", openaiKey), withSecret('System.setProperty("OPENAI_KEY", "', openaiLegacy, '")')],
      negative: [
        `sk-proj-${fakeBody(20, ALNUM, 5)}T4Blbk${"FJ"}${fakeBody(20, ALNUM, 6)}`,
        "sk-sUeBP9asw6GiYHXqtg70abcdefghJuLwJFco90bOpU0Ntest",
      ],
    },
  },
  {
    id: "anthropic-api-key",
    description: "Anthropic API key (sk-ant-api0N-…)",
    provider: "Anthropic",
    severity: "critical",
    keywords: ["sk-ant-api"],
    // 93 characters then `AA` today; the range admits older and newer lengths.
    regex: `${LEFT}(?<secret>sk-ant-api0[0-9]-[A-Za-z0-9_-]{80,120})${RIGHT}`,
    entropy: 4.0,
    specificity: 90,
    // Only filler (one character eight times) is a sample; a prefix-proven
    // body that looks hand-typed (`abc123…`) is reported.
    allowlist: { regexes: [REPEATED_RUN] },
    remediation: "Delete the key in the Anthropic Console (Settings → API keys) and create a new one.",
    docsUrl: "https://docs.anthropic.com/en/api/getting-started#authentication",
    examples: {
      positive: [
        withSecret("ANTHROPIC_API_KEY='", joined("sk-ant-", "api03-", fakeBody(93, BASE64URL, 7), "AA"), "'"),
        // Looks typed by hand, but the prefix, length and alphabet say what it is.
        withSecret("key = ", joined("sk-ant-api03-abc123xyz-456def789ghij-klmnopqrstuvwx-3456yza789bcde-", "1234fghijklmnopby56aaaogaopaaaabc123xyzBB")),
      ],
      negative: [
        joined("sk-ant-", "api03-", "A".repeat(93), "AA"),
        'export const EXAMPLE_URL = "https://api.anthropic.com";',
      ],
    },
  },
  {
    id: "anthropic-admin-api-key",
    description: "Anthropic Admin API key (sk-ant-admin01-…)",
    provider: "Anthropic",
    severity: "critical",
    keywords: ["sk-ant-admin"],
    regex: `${LEFT}(?<secret>sk-ant-admin0[0-9]-[A-Za-z0-9_-]{80,120})${RIGHT}`,
    entropy: 4.0,
    specificity: 90,
    // Only filler (one character eight times) is a sample; a prefix-proven
    // body that looks hand-typed (`abc123…`) is reported.
    allowlist: { regexes: [REPEATED_RUN] },
    remediation: "Delete the admin key in the Anthropic Console (Settings → Admin keys) at once; it can manage the organisation.",
    docsUrl: "https://docs.anthropic.com/en/api/administration-api",
    examples: {
      positive: [withSecret("ANTHROPIC_ADMIN_KEY=", joined("sk-ant-", "admin01-", fakeBody(93, BASE64URL, 8), "AA"))],
      negative: [joined("sk-ant-admin01-abc123xyz-456de-klMnopqrstuvwx-", "3456yza789bcde-1234fghijklmnopAA")],
    },
  },
  {
    id: "huggingface-access-token",
    description: "Hugging Face user access token (hf_ + 34 letters)",
    provider: "Hugging Face",
    severity: "high",
    keywords: ["hf_"],
    // 34 letters of mixed case: identifiers such as hf_servingcell… are
    // lower-case words and longer, so the case mix and the right boundary
    // keep C symbols quiet.
    regex: `${LEFT}(?<secret>hf_(?=[a-zA-Z]{0,33}[A-Z])(?=[a-zA-Z]{0,33}[a-z])[a-zA-Z]{34})${RIGHT}`,
    entropy: 3.5,
    specificity: 80,
    remediation: "Invalidate the token (huggingface.co → Settings → Access Tokens) and create a fine-grained one.",
    docsUrl: "https://huggingface.co/docs/hub/security-tokens",
    examples: {
      positive: [withSecret("huggingface-cli login --token ", fakeToken("hf_", 34, LETTERS, 9))],
      negative: ["- (id)hf_requiredCharacteristicTypesForDisplayMetadata;", "hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
    },
  },
  {
    id: "huggingface-organization-api-token",
    description: "Hugging Face organisation API token (api_org_ + 34 letters)",
    provider: "Hugging Face",
    severity: "high",
    keywords: ["api_org_"],
    regex: `${LEFT}(?<secret>api_org_(?=[a-zA-Z]{0,33}[A-Z])(?=[a-zA-Z]{0,33}[a-z])[a-zA-Z]{34})${RIGHT}`,
    entropy: 3.5,
    specificity: 80,
    remediation: "Invalidate the organisation token in the organisation's Hugging Face settings.",
    docsUrl: "https://huggingface.co/docs/hub/security-tokens",
    examples: {
      positive: [withSecret('hf_token = "', fakeToken("api_org_", 34, LETTERS, 10), '"')],
      negative: ['public static final String API_ORG_EXIST = "APIOrganizationExist";', "api_org_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
    },
  },
  {
    id: "cohere-api-token",
    description: "Cohere API key (40 alphanumerics) next to a Cohere name or CO_API_KEY",
    provider: "Cohere",
    severity: "high",
    keywords: ["cohere", "co_api_key"],
    regex: assigned([ci("cohere"), "CO_API_KEY"], "[A-Za-z0-9]{40}"),
    entropy: 4.0,
    specificity: 45,
    remediation: "Delete the key (dashboard.cohere.com → API keys) and create a new one.",
    docsUrl: "https://docs.cohere.com/reference/about",
    examples: {
      positive: [withSecret("export CO_API_KEY=", fakeBody(40, ALNUM, 11))],
      negative: [`CO_API_KEY=${"x".repeat(40)}`],
    },
  },
  {
    id: "groq-api-key",
    description: "Groq API key (gsk_ + 52 alphanumerics)",
    provider: "Groq",
    severity: "high",
    keywords: ["gsk_"],
    regex: `${LEFT}(?<secret>gsk_[A-Za-z0-9]{52})${RIGHT}`,
    entropy: 3.5,
    specificity: 85,
    remediation: "Delete the key (console.groq.com → API Keys) and create a new one.",
    docsUrl: "https://console.groq.com/docs/quickstart",
    examples: {
      positive: [withSecret("GROQ_API_KEY=", fakeToken("gsk_", 52, ALNUM, 12))],
      negative: ["gsk_abc123", `wordgsk_${fakeBody(52, ALNUM, 13)}`, `gsk_${fakeBody(56, ALNUM, 14)}`],
    },
  },
  {
    id: "mistral-api-key",
    description: "Mistral AI API key (32 alphanumerics) next to a Mistral name",
    provider: "Mistral AI",
    severity: "high",
    keywords: ["mistral"],
    regex: assigned([ci("mistral")], "[A-Za-z0-9]{32}"),
    entropy: 4.0,
    specificity: 45,
    remediation: "Revoke the key (console.mistral.ai → API keys) and create a new one.",
    docsUrl: "https://docs.mistral.ai/getting-started/quickstart/",
    examples: {
      positive: [withSecret('MISTRAL_API_KEY="', fakeBody(32, ALNUM, 15), '"')],
      negative: [`MISTRAL_MODEL="mistral-large-latest"`],
    },
  },
  {
    id: "replicate-api-token",
    description: "Replicate API token (r8_ + 37 alphanumerics)",
    provider: "Replicate",
    severity: "high",
    keywords: ["r8_"],
    regex: `${LEFT}(?<secret>r8_[A-Za-z0-9]{37})${RIGHT}`,
    entropy: 3.5,
    specificity: 85,
    remediation: "Disable the token (replicate.com → Account → API tokens) and create a new one.",
    docsUrl: "https://replicate.com/docs/reference/http#authentication",
    examples: {
      positive: [withSecret("REPLICATE_API_TOKEN=", fakeToken("r8_", 37, ALNUM, 16))],
      negative: ["r8_token_name_here", "var r8_ = 1"],
    },
  },
  {
    id: "perplexity-api-key",
    description: "Perplexity API key (pplx- + 48 alphanumerics)",
    provider: "Perplexity",
    severity: "high",
    keywords: ["pplx-"],
    regex: `${LEFT}(?<secret>pplx-[A-Za-z0-9]{48})${RIGHT}`,
    entropy: 3.5,
    specificity: 85,
    remediation: "Delete the key (perplexity.ai → Settings → API) and create a new one.",
    docsUrl: "https://docs.perplexity.ai/guides/getting-started",
    examples: {
      positive: [withSecret("perplexityToken = '", fakeToken("pplx-", 48, ALNUM, 17), "'")],
      negative: ["pplx-api-key", "pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
    },
  },
  {
    id: "xai-api-key",
    description: "xAI (Grok) API key (xai- + 80 alphanumerics)",
    provider: "xAI",
    severity: "high",
    keywords: ["xai-"],
    regex: `${LEFT}(?<secret>xai-[A-Za-z0-9]{80})${RIGHT}`,
    entropy: 4.0,
    specificity: 85,
    remediation: "Delete the key (console.x.ai → API Keys) and create a new one.",
    docsUrl: "https://docs.x.ai/docs/overview",
    examples: {
      positive: [withSecret("XAI_API_KEY=", fakeToken("xai-", 80, ALNUM, 18))],
      negative: ["xai-grok-2-latest", "xai-org/grok-1"],
    },
  },
  {
    id: "openrouter-api-key",
    description: "OpenRouter API key (sk-or-v1- + 64 hex)",
    provider: "OpenRouter",
    severity: "high",
    keywords: ["sk-or-v1-"],
    regex: `${LEFT}(?<secret>sk-or-v1-[a-f0-9]{64})${RIGHT}`,
    entropy: 3.0,
    specificity: 90,
    remediation: "Delete the key (openrouter.ai → Keys) and create a new one.",
    docsUrl: "https://openrouter.ai/docs/api-reference/authentication",
    examples: {
      positive: [withSecret("OPENROUTER_API_KEY=", fakeToken("sk-or-v1-", 64, HEX, 19))],
      negative: ["sk-or-v1-<key>"],
    },
  },
  {
    id: "langsmith-api-key",
    description: "LangSmith API key (lsv2_pt_/lsv2_sk_)",
    provider: "LangChain",
    severity: "high",
    keywords: ["lsv2_"],
    regex: `${LEFT}(?<secret>lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10})${RIGHT}`,
    specificity: 90,
    remediation: "Delete the key (smith.langchain.com → Settings → API Keys) and create a new one.",
    docsUrl: "https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key",
    examples: {
      positive: [withSecret("LANGSMITH_API_KEY=", joined("lsv2_", "pt_", fakeBody(32, HEX, 20), "_", fakeBody(10, HEX, 21)))],
      negative: ["lsv2_pt_<key>"],
    },
  },
  {
    id: "cerebras-api-key",
    description: "Cerebras inference API key (csk- + 48 characters)",
    provider: "Cerebras",
    severity: "high",
    keywords: ["csk-"],
    regex: `${LEFT}(?<secret>csk-[a-z0-9]{48})${RIGHT}`,
    entropy: 3.5,
    specificity: 85,
    remediation: "Delete the key (cloud.cerebras.ai → API Keys) and create a new one.",
    docsUrl: "https://inference-docs.cerebras.ai/quickstart",
    examples: {
      positive: [withSecret("CEREBRAS_API_KEY=", fakeToken("csk-", 48, LOWER_ALNUM, 30))],
      negative: ["csk-config-name"],
    },
  },
  named({
    id: "deepgram-api-key", provider: "Deepgram", what: "API key (40 hex)",
    names: [ci("deepgram")], keywords: ["deepgram"], body: "[a-f0-9]{40}", entropy: 3.0,
    example: fakeBody(40, HEX, 31), exampleName: "DEEPGRAM_API_KEY",
    remediation: "Delete the key in the Deepgram console (Settings → API Keys) and create a new one.",
    docsUrl: "https://developers.deepgram.com/docs/create-additional-api-keys",
  }),
  named({
    id: "assemblyai-api-key", provider: "AssemblyAI", what: "API key (32 hex)",
    names: [`${ci("assembly")}[_-]?${ci("ai")}`], keywords: ["assemblyai", "assembly_ai", "assembly-ai"], body: "[a-f0-9]{32}", entropy: 3.0,
    example: fakeBody(32, HEX, 32), exampleName: "ASSEMBLYAI_API_KEY",
    remediation: "Rotate the key in the AssemblyAI dashboard (API Keys).",
    docsUrl: "https://www.assemblyai.com/docs/api-reference/overview#authorization",
  }),
  named({
    id: "together-api-key", provider: "Together AI", what: "API key (64 hex)",
    names: [`${ci("together")}[_-]?(?:${ci("ai")}|${ci("api")})`], keywords: ["together"], body: "(?:tgp_v1_)?[a-f0-9]{64}|tgp_v1_[A-Za-z0-9_-]{43}", entropy: 3.0,
    example: fakeBody(64, HEX, 33), exampleName: "TOGETHER_API_KEY",
    remediation: "Revoke the key (api.together.ai → Settings → API Keys) and create a new one.",
    docsUrl: "https://docs.together.ai/reference/authentication-1",
  }),
  {
    id: "deepseek-api-key",
    description: "DeepSeek API key (sk- + 32 hex) next to a DeepSeek name",
    provider: "DeepSeek",
    severity: "high",
    keywords: ["deepseek"],
    regex: assigned([ci("deepseek")], "sk-[a-f0-9]{32}"),
    entropy: 3.0,
    specificity: 50,
    remediation: "Delete the key (platform.deepseek.com → API keys) and create a new one.",
    docsUrl: "https://api-docs.deepseek.com/",
    examples: {
      positive: [withSecret("DEEPSEEK_API_KEY=", `sk-${fakeBody(32, HEX, 22)}`)],
      negative: ["DEEPSEEK_API_KEY=sk-your-key"],
    },
  },
  {
    id: "elevenlabs-api-key",
    description: "ElevenLabs API key (sk_ + 48 hex, or 32 hex) next to an ElevenLabs name",
    provider: "ElevenLabs",
    severity: "high",
    keywords: ["elevenlabs", "xi-api-key", "eleven_api"],
    regex: assigned([ci("elevenlabs"), ci("xi-api-key"), ci("eleven_api")], "sk_[a-f0-9]{48}|[a-f0-9]{32}"),
    entropy: 3.0,
    specificity: 50,
    remediation: "Regenerate the key (elevenlabs.io → Profile → API Keys).",
    docsUrl: "https://elevenlabs.io/docs/api-reference/authentication",
    examples: {
      positive: [withSecret("ELEVENLABS_API_KEY=", `sk_${fakeBody(48, HEX, 23)}`)],
      negative: ["ELEVENLABS_API_KEY=${ELEVENLABS_API_KEY}"],
    },
  },
  {
    id: "privateai-api-token",
    description: "Private AI API key (32 alphanumerics) next to a Private AI name",
    provider: "Private AI",
    severity: "high",
    keywords: ["private_ai", "private-ai", "privateai"],
    regex: assigned([`${ci("private")}[_-]?${ci("ai")}`], "[A-Za-z0-9]{32}"),
    entropy: 3.5,
    specificity: 45,
    remediation: "Rotate the key in the Private AI portal.",
    docsUrl: "https://docs.private-ai.com/",
    examples: {
      positive: [withSecret('privateai_api_token = "', fakeBody(32, LOWER_ALNUM, 24), '"')],
      negative: ['privateai_api_token = "${PRIVATEAI_TOKEN}"'],
    },
  },
];
