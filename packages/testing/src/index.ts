export { Harness, TestClient, type HarnessOptions } from './harness.js';
