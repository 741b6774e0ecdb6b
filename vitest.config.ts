import { defineConfig } from "vitest/config";

// Two lanes: `unit` (in-process, fast) and `e2e` (the built program, real git
// repositories, hooks and tools). `npm test` runs both; `npm run test:unit`
// and `npm run test:e2e` run one. Tests live in test/ only: the benchmark
// corpus (bench/.corpus) holds other projects' *.test.js files that must
// never be collected. The global setup rebuilds dist/ when it is older than
// src/, so no lane ever tests a stale build.
const E2E = ["test/e2e/**/*.test.ts", "test/cli/**/*.test.ts", "test/integrations/**/*.test.ts"];

export default defineConfig({
  test: {
    globalSetup: ["test/helpers/fresh-build.ts"],
    projects: [
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: E2E, testTimeout: 30_000 } },
      { extends: true, test: { name: "e2e", include: E2E, testTimeout: 60_000 } },
    ],
  },
});
