// The workspace root, where the broker CLI and the services live. Derived from this file's place
// (libs/testing/src/infra) rather than process.cwd(), so running Jest from a sub-directory works.
import { resolve } from 'node:path';

export const WORKSPACE_ROOT = resolve(__dirname, '..', '..', '..', '..');
