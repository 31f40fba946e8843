import { runRuleTests } from '../../src/node/rule-test.js';
const code = runRuleTests(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), color: false });
process.exitCode = code as number;
