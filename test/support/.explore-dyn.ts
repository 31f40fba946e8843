import { msResultSchema } from './ms-kusto.js';
for (const v of ['parse_json("1")', 'todynamic("1")', 'dynamic(null)'])
for (const q of ['print r = array_length(V)', 'print r = "s" has V', 'print r = V between (1 .. 2)', 'print r = iff(true, int(1), V)', 'print r = coalesce(int(1), V)', 'print r = V * V'])
  console.log(q.replace('V', v).replace('V', v), JSON.stringify(msResultSchema(q.replace('V', v).replace('V', v), {})));
