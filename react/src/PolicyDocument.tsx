import type { PolicyFormat } from '../../client/src';
import { usePolicy } from './hooks';
import { dateText, defaultLabels, fill, type Labels } from './labels';

export interface PolicyDocumentProps {
  policy: string;
  locale?: string;
  /** html: the server's sanitized HTML; markdown: the Markdown text as written. */
  format?: PolicyFormat;
  labels?: Partial<Labels>;
  className?: string;
}

/** The edition in force: title, version, dates, text, and the upcoming edition if announced. */
export function PolicyDocument({
  policy,
  locale,
  format = 'html',
  labels,
  className,
}: PolicyDocumentProps) {
  const l = { ...defaultLabels, ...labels };
  const { data, error, loading } = usePolicy(policy, { locale, format });
  if (!data) {
    return (
      <div className={`pl-document ${className ?? ''}`} aria-busy={loading}>
        {error ? (
          <p role="alert" className="pl-error">
            {l.loadFailed}
          </p>
        ) : (
          <p>{l.loading}</p>
        )}
      </div>
    );
  }
  const lang = data.servedLocale;
  // Editors often open the text with its title: then it is the page's heading.
  const bodyHasTitle = /^\s*(<h1[\s>]|# )/.test(data.body);
  return (
    <article className={`pl-document ${className ?? ''}`} lang={lang} data-version={data.version}>
      <header className="pl-document-header">
        {bodyHasTitle ? null : <h1 className="pl-title">{data.title}</h1>}
        <p className="pl-meta">
          <span className="pl-version">{fill(l.version, { version: data.version })}</span>
          {data.editionDate && (
            <span className="pl-edition-date">
              {' · '}
              {fill(l.editionDate, { date: dateText(data.editionDate, lang) })}
            </span>
          )}
          <span className="pl-effective">
            {' · '}
            {fill(l.inForceSince, { date: dateText(data.effectiveAt, lang) })}
          </span>
        </p>
        {data.upcoming && (
          <aside className="pl-upcoming" role="note" data-version={data.upcoming.version}>
            <p>
              {fill(l.upcoming, {
                version: data.upcoming.version,
                date: dateText(data.upcoming.effectiveAt, lang),
              })}
            </p>
            {data.upcoming.changeSummary && (
              <p className="pl-change-summary">{data.upcoming.changeSummary}</p>
            )}
          </aside>
        )}
      </header>
      {data.format === 'html' ? (
        // Rendered by the server from Markdown with raw HTML disabled, then sanitized.
        <div className="pl-body" dangerouslySetInnerHTML={{ __html: data.body }} />
      ) : (
        <div className="pl-body" style={{ whiteSpace: 'pre-wrap' }}>
          {data.body}
        </div>
      )}
    </article>
  );
}
