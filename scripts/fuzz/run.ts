// `npm run fuzz -- [--queries N] [--seed S] [--time SECONDS] [--mode all|gen|mut|data] [--hang MS] [--no-save]`:
// the long fuzz run of issue #19. The logic lives in test/fuzz/runner.ts (typechecked with the tests).
import { parseOptions, runFuzz } from '../../test/fuzz/runner.js';

const result = await runFuzz(parseOptions(process.argv.slice(2)));
process.exitCode = result.failures.length > 0 ? 1 : 0;
