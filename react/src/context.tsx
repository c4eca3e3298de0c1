import { createContext, useContext, useMemo, type ReactNode } from 'react';
import {
  createPolicyLedgerClient,
  type ClientOptions,
  type PolicyLedgerClient,
} from '../../client/src';

const ClientContext = createContext<PolicyLedgerClient | null>(null);

export type ProviderProps = { children: ReactNode } & (
  { client: PolicyLedgerClient; baseUrl?: never } | ({ client?: never } & ClientOptions)
);

/** Gives the hooks and components below it a Policy Ledger client. */
export function PolicyLedgerProvider({ children, client, ...options }: ProviderProps) {
  const baseUrl = (options as ClientOptions).baseUrl;
  const value = useMemo(
    () => client ?? createPolicyLedgerClient(options as ClientOptions),
    // The client depends on the base URL; other options are read once.
    [client, baseUrl],
  );
  return <ClientContext.Provider value={value}>{children}</ClientContext.Provider>;
}

export function usePolicyLedgerClient(): PolicyLedgerClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('Policy Ledger: wrap your app in <PolicyLedgerProvider>');
  return client;
}
