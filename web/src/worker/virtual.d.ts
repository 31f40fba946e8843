declare module 'virtual:contoso-dataset' {
  /** fixtures/contoso's files, gzip-compressed and base64-encoded (web/build/contoso-dataset.ts). */
  export const files: readonly { name: string; size: number; gzip: string }[];
}
