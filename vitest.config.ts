import { defineConfig } from 'vitest/config';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 30_000,
    // The slowest files spend most of their time waiting on Chromium (diagrams) or on the programs they run
    // (code samples); two at once overlap those waits. Vitest's default on a 2-core machine is one.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
