/** What a Document Service middleware receives (see document-guards/index.ts). */
export interface DocCtx {
  uid: string;
  action: string;
  params: { documentId?: string; locale?: string; data?: Record<string, unknown> } & Record<
    string,
    unknown
  >;
}
export type Next = () => Promise<unknown>;
