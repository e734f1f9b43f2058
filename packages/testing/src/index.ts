export { Harness, TestClient, type HarnessOptions } from './harness.js';
export * from './processes.js';
export * from './raw-connection.js';
export * from './differential.js';
