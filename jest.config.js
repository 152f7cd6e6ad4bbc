/** @type {import('jest').Config} */
module.exports = {
  rootDir: '.',
  testEnvironment: '<rootDir>/test/jest-environment.js',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.spec.json' }] },
  setupFiles: ['<rootDir>/test/setup-env.js'],
  testTimeout: 60000,
  // e2e files each boot an app, a database and onnxruntime: two at a time suits a 2-core machine
  maxWorkers: 2,
};
