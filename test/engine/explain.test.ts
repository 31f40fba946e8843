// Snapshots of `explain`: the plan text of representative queries (one line per operator, its head line from the
// operator's module, the output schema after →, inputs indented). Each was read and checked by hand; a change here
// means the plan or its text changed.
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/database.js';

const explain = (q: string) => new Database().explain(q, { now: '2026-11-20T12:00:00Z' });

describe('explain', () => {
  it("a filter, an aggregate and top: one line per operator, inputs indented, each with its output schema", () => {
    expect(explain("let T = datatable(State: string, Sender: string, Ts: datetime)[]; T | where Ts > ago(1d) and Sender has \"contoso\" | summarize n = count(), d = dcount(Sender) by State | top 5 by n")).toBe(
      [
        "Sort n desc nulls last limit long(5) → [State:string, n:long, d:long]",
        "  Aggregate(summarize) keys=[State] aggs=[count(), dcount(Sender)] → [State:string, n:long, d:long]",
        "    Filter and(>(Ts, datetime(2026-11-19T12:00:00.0000000Z)), has(Sender, \"contoso\")) → [State:string, Sender:string, Ts:datetime]",
        "      Values (0 rows) → [State:string, Sender:string, Ts:datetime]",
      ].join('\n'),
    );
  });
  it("a join lists both sides; clashing right-side names get a suffix", () => {
    expect(explain("let L = datatable(Id: string, Url: string)[]; let R = datatable(Id: string, Subject: string)[]; L | join kind=leftouter (R | project Id, Subject) on Id | project Url, Subject | take 10")).toBe(
      [
        "Limit long(10) → [Url:string, Subject:string]",
        "  Project(project) Url, Subject → [Url:string, Subject:string]",
        "    Join(join kind=leftouter) on Id==Id → [Id:string, Url:string, Id1:string, Subject:string]",
        "      Values (0 rows) → [Id:string, Url:string]",
        "      Project(project) Id, Subject → [Id:string, Subject:string]",
        "        Values (0 rows) → [Id:string, Subject:string]",
      ].join('\n'),
    );
  });
  it("extend inlines earlier columns; mv-expand of an expression extends first; serialize with a window function", () => {
    expect(explain("range x from 1 to 3 step 1 | extend y = x * 2, s = tostring(x) | mv-expand a = pack_array(x, y) | serialize rn = row_number()")).toBe(
      [
        "Project(extend) x, y, s, a, row_number() → [x:long, y:long, s:string, a:dynamic, rn:long]",
        "  Serialize → [x:long, y:long, s:string, a:dynamic]",
        "    MvExpand a → [x:long, y:long, s:string, a:dynamic]",
        "      Project(extend) x, y, s, pack_array(todynamic(x), todynamic(y)) → [x:long, y:long, s:string, a:dynamic]",
        "        Project(extend) x, *(x, long(2)), tostring(x) → [x:long, y:long, s:string]",
        "          Range long(1) .. long(3) step long(1) → [x:long]",
      ].join('\n'),
    );
  });
  it("materialize is shared by id; union lists every leg; distinct is an Aggregate without aggregates", () => {
    expect(explain("let T = materialize(datatable(a: long, b: string)[1, \"x\", 2, \"y\"]); union T, (T | where a > 1) | distinct a")).toBe(
      [
        "Aggregate(distinct) keys=[a] aggs=[] → [a:long]",
        "  Union → [a:long, b:string]",
        "    Materialize #0 → [a:long, b:string]",
        "      Values (2 rows) → [a:long, b:string]",
        "    Filter >(a, long(1)) → [a:long, b:string]",
        "      Materialize #0 → [a:long, b:string]",
        "        Values (2 rows) → [a:long, b:string]",
      ].join('\n'),
    );
  });
  it("literals print as KQL values (a bag as JSON); bag_unpack, make-series, render", () => {
    expect(explain("print u = dynamic({\"k\": 1}) | evaluate bag_unpack(u) | make-series s = sum(k) on k from 0 to 3 step 1 | render timechart")).toBe(
      [
        "Render timechart → [s:dynamic, k:dynamic]",
        "  MakeSeries on k from long(0) to long(3) step long(1) → [s:dynamic, k:dynamic]",
        "    BagUnpack u → [k:long]",
        "      Project(print) dynamic({\"k\":1}) → [u:dynamic]",
        "        Values (1 rows) → []",
      ].join('\n'),
    );
  });
});
