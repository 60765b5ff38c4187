/** Jest: TypeScript through SWC (fast on 2 cores); type checking is `tsc --noEmit` in `npm test`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  setupFiles: ['<rootDir>/test/support/jestSetup.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } }],
  },
  // Two workers on two cores: many tests wait on LibreOffice or Chromium child processes, not on jest itself.
  maxWorkers: 2,
  // Unit tests need well under this; files that are slow by nature (LibreOffice, Chromium, CLI runs, fuzz,
  // release builds, whole workbooks) raise it themselves with jest.setTimeout, so a slow test shows as slow.
  testTimeout: 15000,
};
