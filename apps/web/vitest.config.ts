import { defineConfig } from 'vitest/config';

// Unit tests cover the pure helpers; the DOM is exercised end to end by Playwright instead.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
