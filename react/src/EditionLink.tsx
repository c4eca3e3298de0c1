import { useState } from 'react';
import type { FormPolicyEdition } from '../../client/src';
import { usePolicyLedgerClient } from './context';
import type { Labels } from './labels';
import { LoadState } from './LoadState';
import { useLoad } from './useLoad';

export interface EditionLinkProps {
  policy: string;
  /** The exact edition the form sends as accepted. */
  edition: FormPolicyEdition;
  text: string;
  /** A page of your site showing that edition; without one, the text opens in place. */
  href?: string;
  labels: Labels;
}

/**
 * The edition a person accepts, named with its version and effective date:
 * a link to your page for it, or a disclosure that shows its text (fetched
 * by version, in the locale shown) when opened.
 */
export function EditionLink({ policy, edition, text, href, labels }: EditionLinkProps) {
  const client = usePolicyLedgerClient();
  const [open, setOpen] = useState(false);
  const locale = edition.servedLocale;
  const { data, error, reload } = useLoad(
    open && !href ? `${client.baseUrl}|${policy}|${edition.version}|${locale}` : null,
    (signal) => client.edition(policy, edition.version, { locale, format: 'html', signal }),
  );
  if (href) {
    return (
      <a
        className="pl-edition-link"
        href={href}
        hrefLang={locale}
        target="_blank"
        rel="noopener noreferrer"
      >
        {text}
      </a>
    );
  }
  return (
    <details className="pl-edition" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="pl-edition-link">{text}</summary>
      {data ? (
        // The server's rendering of the edition's Markdown, raw HTML disabled, sanitized.
        <div
          className="pl-edition-body"
          lang={data.servedLocale}
          dangerouslySetInnerHTML={{ __html: data.body }}
        />
      ) : (
        open && <LoadState error={error} reload={reload} labels={labels} />
      )}
    </details>
  );
}
