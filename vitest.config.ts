import { defineConfig } from "vitest/config";

// Tests live in test/ only: the benchmark corpus (bench/.corpus) holds other
// projects' *.test.js files that must never be collected.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
  },
});
