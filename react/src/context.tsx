import { createContext, useContext, useMemo, type ReactNode } from 'react';
import {
  createPolicyLedgerClient,
  type ClientOptions,
  type PolicyLedgerClient,
} from '../../client/src';

const ClientContext = createContext<PolicyLedgerClient | null>(null);

/** Either a client you made, or the options to make one. */
export type PolicyLedgerProviderProps = { children?: ReactNode } & (
  { client: PolicyLedgerClient } | ({ client?: undefined } & ClientOptions)
);

/** Gives the hooks and components below it a Policy Ledger client. */
export function PolicyLedgerProvider(props: PolicyLedgerProviderProps) {
  const { children, client, ...options } = props;
  const { baseUrl, prefix, token } = options as Partial<ClientOptions>;
  const value = useMemo(
    () => client ?? createPolicyLedgerClient(options as ClientOptions),
    // A new client when where or as whom it calls changes; other options are read once.
    [client, baseUrl, prefix, token],
  );
  return <ClientContext.Provider value={value}>{children}</ClientContext.Provider>;
}

/** The client of the nearest PolicyLedgerProvider. */
export function usePolicyLedgerClient(): PolicyLedgerClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('Policy Ledger: wrap your app in <PolicyLedgerProvider>');
  return client;
}
