import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Unit tier: Node by default; DOM test files opt in with `// @vitest-environment happy-dom`.
export default defineConfig({
  plugins: [preact()],
  test: {
    environment: 'node',
    include: ['test/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['test/unit/setup.ts'],
    testTimeout: 20_000,
  },
});
