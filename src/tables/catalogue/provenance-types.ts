// The shape of the generated provenance (sources.generated.ts), in its own module so that the generated data and
// provenance.ts, which reads it, do not import each other.

export type SourceKind = 'defender' | 'azure' | 'custom';

export interface CatalogueProvenance {
  readonly inputs: {
    readonly azureMonitor: { readonly repository: string; readonly ref: string; readonly commit: string };
    readonly defender: { readonly repository: string; readonly pages: number };
    readonly customTables: { readonly repository: string; readonly files: number };
  };
  /** origins: one letter per column (d Defender, a Azure Monitor, b both, c custom test schema), or one for all. */
  readonly tables: Readonly<
    Record<string, { readonly origins: string; readonly files: readonly (readonly [kind: SourceKind, path: string, date: string, commit: string])[] }>
  >;
  readonly conflicts: readonly {
    readonly table: string;
    readonly column: string;
    readonly defender: string;
    readonly azure: string;
    readonly chosen: string;
    readonly rule: number;
  }[];
  readonly caseTwins: readonly { readonly table: string; readonly defender: string; readonly azure: string }[];
  readonly leftOut: readonly string[];
  readonly overridden: readonly string[];
  readonly openSchema: readonly string[];
}
