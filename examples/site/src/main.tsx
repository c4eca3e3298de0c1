import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PolicyLedgerProvider } from 'strapi-plugin-policy-ledger/react';
import { App } from './App';
import './styles.css';

// Where the Strapi app with Policy Ledger answers (another origin is fine: CORS).
const baseUrl = import.meta.env.VITE_STRAPI_URL ?? 'http://localhost:1337';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PolicyLedgerProvider baseUrl={baseUrl}>
      <App />
    </PolicyLedgerProvider>
  </StrictMode>,
);
