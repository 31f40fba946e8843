// getschema (getschema-operator.md): one row per input column — ColumnName, ColumnOrdinal (from 0), DataType (the
// .NET type name) and ColumnType (the KQL type name). The schema is known at bind time, so it binds to a Values node.
// ColumnOrdinal is a long, as Microsoft's analyser types it (the page does not say).
// DataType names: the page's example shows System.DateTime, System.Int32, System.String, System.Double and
// System.Object; the others come from the "Equivalent .NET type" column of the scalar data types page as it was
// first published (scalar-data-types/index.md): bool System.Boolean, guid System.Guid, long System.Int64, timespan
// System.TimeSpan, decimal System.Data.SqlTypes.SqlDecimal. `getschema kind=csl` (one Schema column) is refused.

import type { ScalarType } from '../../values/types.js';
import { report } from '../bind/report.js';
import type { OperatorBinders } from './operator.js';

const DOTNET_TYPE: Readonly<Record<ScalarType, string>> = {
  bool: 'System.Boolean',
  datetime: 'System.DateTime',
  decimal: 'System.Data.SqlTypes.SqlDecimal',
  dynamic: 'System.Object',
  guid: 'System.Guid',
  int: 'System.Int32',
  long: 'System.Int64',
  real: 'System.Double',
  string: 'System.String',
  timespan: 'System.TimeSpan',
};

export const binders: OperatorBinders = {
  GetSchema: (input, op, _lets, ctx) => {
    const param = op.params?.find((p) => !p.name.startsWith('hint.'));
    if (param) return report(ctx, 'bind-not-supported', param.span, { name: `getschema ${param.name}=` });
    return {
      kind: 'Values',
      rows: input.schema.map((c, i) => [c.name, BigInt(i), DOTNET_TYPE[c.type], c.type]),
      schema: [
        { name: 'ColumnName', type: 'string' },
        { name: 'ColumnOrdinal', type: 'long' },
        { name: 'DataType', type: 'string' },
        { name: 'ColumnType', type: 'string' },
      ],
      span: op.span,
    };
  },
};
