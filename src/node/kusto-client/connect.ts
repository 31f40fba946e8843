// A Kusto client for `kqlite test --target`, through Microsoft's azure-kusto-data (loaded on demand: only --target
// needs it). Authentication uses the client's standard options, picked by --auth or, by default, from the
// environment:
//   token   KUSTO_ACCESS_TOKEN (or KQLITE_TOKEN, the `kqlite serve --token` secret): sent as a bearer token
//   app     AZURE_CLIENT_ID + AZURE_CLIENT_SECRET + AZURE_TENANT_ID: an Entra application key
//   azcli   the identity of `az login` (the default for a remote cluster)
//   device  device-code sign-in: a code to enter at the URL printed on standard error (AZURE_TENANT_ID optional)
//   managed-identity   the machine's managed identity (AZURE_CLIENT_ID for a user-assigned one)
//   none    no Authorization header (the default for http://127.0.0.1:<port>, i.e. `kqlite serve`)

export const AUTH_METHODS = ['token', 'app', 'azcli', 'device', 'managed-identity', 'none'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

export class TargetError extends Error {}

/** The parts of azure-kusto-data's API used here (kept narrow: the package is an optional, on-demand import). */
export interface KustoResultColumnLike {
  readonly name: string | null;
  readonly type: string | null;
}
export interface KustoResultTableLike {
  readonly columns: readonly KustoResultColumnLike[];
  rows(): Iterable<{ readonly raw: readonly unknown[] }>;
}
export interface KustoClientLike {
  execute(db: string, query: string, properties?: unknown): Promise<{ primaryResults: readonly KustoResultTableLike[] }>;
  close(): void;
}
interface ClientRequestPropertiesLike {
  setOption(name: string, value: unknown): void;
  clientRequestId: string | null;
}
export interface KustoClientKit {
  readonly client: KustoClientLike;
  newProperties(): ClientRequestPropertiesLike;
  readonly auth: AuthMethod;
}

const env = (name: string) => process.env[name] || undefined;

export function defaultAuth(uri: string): AuthMethod {
  if (env('KUSTO_ACCESS_TOKEN') ?? env('KQLITE_TOKEN')) return 'token';
  if (env('AZURE_CLIENT_ID') && env('AZURE_CLIENT_SECRET') && env('AZURE_TENANT_ID')) return 'app';
  const host = new URL(uri).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\./.test(host) ? 'none' : 'azcli';
}

export async function connectTarget(uri: string, auth: AuthMethod | undefined, notify: (line: string) => void): Promise<KustoClientKit> {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new TargetError(`--target takes a cluster URI such as https://mycluster.westeurope.kusto.windows.net, got '${uri}'`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TargetError(`--target must be an http(s) URI, got '${uri}'`);
  let kusto: typeof import('azure-kusto-data');
  try {
    kusto = await import('azure-kusto-data');
  } catch {
    throw new TargetError('kqlite test --target runs through Microsoft\'s Kusto client: install it next to kqlite with `npm install azure-kusto-data`');
  }
  const { Client, KustoConnectionStringBuilder: Kcsb, ClientRequestProperties } = kusto;
  const cluster = `${url.protocol}//${url.host}`;
  const method = auth ?? defaultAuth(uri);
  const need = (name: string) => {
    const v = env(name);
    if (!v) throw new TargetError(`--auth ${method} needs the environment variable ${name}`);
    return v;
  };
  let kcsb;
  switch (method) {
    case 'none':
      kcsb = new Kcsb(cluster);
      break;
    case 'token': {
      const token = env('KUSTO_ACCESS_TOKEN') ?? env('KQLITE_TOKEN');
      if (!token) throw new TargetError('--auth token needs KUSTO_ACCESS_TOKEN (or KQLITE_TOKEN for kqlite serve --token)');
      kcsb = Kcsb.withAccessToken(cluster, token);
      break;
    }
    case 'app':
      kcsb = Kcsb.withAadApplicationKeyAuthentication(cluster, need('AZURE_CLIENT_ID'), need('AZURE_CLIENT_SECRET'), need('AZURE_TENANT_ID'));
      break;
    case 'azcli':
      kcsb = Kcsb.withAzLoginIdentity(cluster);
      break;
    case 'device':
      kcsb = Kcsb.withAadDeviceAuthentication(cluster, env('AZURE_TENANT_ID'), (info: { message?: string }) => notify(info.message ?? 'complete the device-code sign-in'));
      break;
    case 'managed-identity':
      kcsb = env('AZURE_CLIENT_ID') ? Kcsb.withUserManagedIdentity(cluster, env('AZURE_CLIENT_ID')!) : Kcsb.withSystemManagedIdentity(cluster);
      break;
  }
  // Identifies kqlite in the cluster's query log (.show queries).
  kcsb.applicationNameForTracing = 'kqlite-test';
  return {
    client: new Client(kcsb) as unknown as KustoClientLike,
    newProperties: () => new ClientRequestProperties() as unknown as ClientRequestPropertiesLike,
    auth: method,
  };
}

/** The cluster's message in a failed request: its OneApi error's @message, else the transport error. */
export function targetErrorMessage(err: unknown): string {
  const data = (err as { response?: { data?: unknown } }).response?.data;
  if (data && typeof data === 'object' && 'error' in data) {
    const e = (data as { error: Record<string, unknown> }).error;
    return String(e['@message'] ?? e.message ?? JSON.stringify(e));
  }
  if (typeof data === 'string' && data !== '') return data;
  return (err as Error).message ?? String(err);
}
