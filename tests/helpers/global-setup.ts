// vitest global setup (vitest.config.ts): the tests that read dist/ and generated/ get a current build
// instead of skipping. TEST_NO_BUILD=1 fails instead of building.
import { ensureBuilt } from './build-once';

export default function setup(): void {
  ensureBuilt('TEST_NO_BUILD');
}
