// The property examples shipped in examples/properties run as part of `npm test` through this file (vitest only
// collects test/**/*.test.ts). Importing them registers their describe/it blocks here.
import '../../examples/properties/safelinks-block-trigger.test.js';
import '../../examples/properties/link-target.test.js';
import '../../examples/properties/malicious-clicks-allowed.test.js';
