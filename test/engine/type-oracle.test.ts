// Typing rules against Microsoft's own analyser (@kusto/language-service-next): for every pair of scalar types and
// every binary operator, for common scalar functions and for aggregates (cases: test/support/type-oracle-cases.ts),
// kqlite's binder must accept exactly what the analyser accepts, with the same result type, and reject what it
// rejects. The only tolerated gaps: kqlite refusing by name (`bind-not-supported`), and the short ALLOWED list
// below, where the analyser is knowingly more lenient than the Kusto service.
import { beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/database.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { loadMsKusto, msResultSchema } from '../support/ms-kusto.js';
import { typeCases, type TypeCase } from '../support/type-oracle-cases.js';

interface Accepted {
  readonly type: string;
}
interface Rejected {
  readonly errors: readonly string[];
  /** kqlite's diagnostic codes; empty for Microsoft's analyser. */
  readonly codes: readonly string[];
}
type Outcome = Accepted | Rejected;

function msOutcome(query: string): Outcome {
  const r = msResultSchema(query, {});
  if (!Array.isArray(r)) return { errors: r.errors, codes: [] };
  return { type: r.map((c) => `${c.name}:${c.type}`).join(', ') };
}

const db = new Database();

function kqOutcome(query: string): Outcome {
  let result: { plan?: { schema: readonly { name: string; type: string }[] }; diagnostics: Diagnostic[] };
  try {
    result = db.plan(query, { now: '2026-11-20T12:00:00Z' });
  } catch (err) {
    // A binder that throws instead of reporting a diagnostic is a bug of its own: keep it visible.
    return { errors: [`threw: ${String(err)}`], codes: ['threw'] };
  }
  if (result.plan) return { type: result.plan.schema.map((c) => `${c.name}:${c.type}`).join(', ') };
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  return { errors: errors.map((d) => `${d.code}: ${d.message}`), codes: errors.map((d) => d.code) };
}

const accepted = (o: Outcome): o is Accepted => 'type' in o;

/**
 * Disagreements kqlite makes on purpose. Each entry states which kqlite diagnostic it expects, so a case it covers
 * still fails if kqlite does something else (accepts it, or refuses it for an unrelated reason).
 */
const ALLOWED: readonly {
  readonly why: string;
  readonly applies: (c: TypeCase) => boolean;
  readonly kqliteCode: string;
}[] = [
  {
    // Kusto.Language declares `==` and `!=` as (any non-bool scalar, any scalar) → bool (see Operators.Equal in the
    // package), i.e. it leaves the operand check to the service. The service refuses mixed types with
    // "Cannot compare values of types X and Y. Try adding explicit casts" (public reports: microsoft/BCTech#24,
    // MicrosoftLearning/mslearn-fabric#450), and the project rule is that types Kusto refuses to compare are
    // refused. [U] The exact set of pairs the service refuses for `==` is undocumented; kqlite refuses every pair
    // of different comparison families (numbers, datetime, timespan, string, guid; bool only with numbers).
    why: 'analyser does not type-check == / != operands; the service refuses mixed types',
    applies: (c) => c.group === 'op ==' || c.group === 'op !=',
    kqliteCode: 'bind-incomparable',
  },
];

type Verdict = 'agree' | 'both-reject' | 'not-supported' | 'allowed' | 'disagree';

function judge(c: TypeCase, ms: Outcome, kq: Outcome): Verdict {
  if (accepted(ms) && accepted(kq)) return ms.type === kq.type ? 'agree' : 'disagree';
  if (!accepted(ms) && !accepted(kq)) return 'both-reject';
  if (accepted(ms) && !accepted(kq)) {
    if (kq.codes.length > 0 && kq.codes.every((code) => code === 'bind-not-supported')) return 'not-supported';
    const rule = ALLOWED.find((a) => a.applies(c));
    if (rule && kq.codes.length > 0 && kq.codes.every((code) => code === rule.kqliteCode)) return 'allowed';
  }
  return 'disagree';
}

function show(o: Outcome): string {
  return accepted(o) ? o.type : o.errors.join(' | ');
}

const cases = typeCases();
const groups = [...new Set(cases.map((c) => c.group))];
const counts: Record<Verdict, number> = { agree: 0, 'both-reject': 0, 'not-supported': 0, allowed: 0, disagree: 0 };

describe('operator and function typing equals Microsoft analyser', () => {
  beforeAll(() => {
    loadMsKusto();
  }, 30_000);

  it.each(groups)('%s', (group) => {
    const disagreements: string[] = [];
    for (const c of cases) {
      if (c.group !== group) continue;
      const ms = msOutcome(c.query);
      const kq = kqOutcome(c.query);
      const verdict = judge(c, ms, kq);
      counts[verdict]++;
      if (verdict === 'disagree') disagreements.push(`${c.query}\n    Microsoft: ${show(ms)}\n    kqlite:    ${show(kq)}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('summary', () => {
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(
      `type oracle: ${total} queries: ${counts.agree} same type, ${counts['both-reject']} rejected by both, ` +
        `${counts['not-supported']} refused by name, ${counts.allowed} allowed (${ALLOWED.length} rule(s)), ` +
        `${counts.disagree} disagreements`,
    );
    expect(total).toBe(cases.length);
    // Guards against the oracle silently degrading (e.g. every query failing to parse on both sides).
    expect(counts.agree).toBeGreaterThanOrEqual(500);
  });
});
