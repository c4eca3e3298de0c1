import type { PolicyFormat } from '../../client/src';
import { usePolicy } from './hooks';
import { cx, dateText, defaultLabels, fill, languageName, type Labels } from './labels';
import { LoadState } from './LoadState';

export interface PolicyDocumentProps {
  /** The policy's key, e.g. "privacy". */
  policy: string;
  /** The locale to show; the browser's languages decide when absent. */
  locale?: string;
  /** `html` (default): the server's rendered, sanitized HTML; `markdown`: the text as written. */
  format?: PolicyFormat;
  /** Show the edition's title above the text (default: only when the text does not start with one). */
  showTitle?: boolean;
  labels?: Partial<Labels>;
  className?: string;
}

const Sep = () => (
  <span className="pl-sep" aria-hidden="true">
    {' · '}
  </span>
);

const STARTS_WITH_TITLE = /^\s*(#\s|<h1[\s>])/;

/**
 * The edition of a policy in force: its text, version, edition date and
 * effective date, and the upcoming edition with its effective date when one
 * is announced. Unstyled: `pl-…` class names (see styles.css for a start).
 */
export function PolicyDocument(props: PolicyDocumentProps) {
  const { policy, locale, format = 'html', className } = props;
  const l = { ...defaultLabels, ...props.labels };
  const { data, error, loading, reload } = usePolicy(policy, { locale, format });
  if (!data) {
    return (
      <div className={cx('pl-document', className)} aria-busy={loading}>
        <LoadState error={error} reload={reload} labels={l} />
      </div>
    );
  }
  const lang = data.servedLocale;
  const showTitle = props.showTitle ?? !STARTS_WITH_TITLE.test(data.body);
  return (
    <article
      className={cx('pl-document', className)}
      lang={lang}
      data-policy={data.policy}
      data-version={data.version}
    >
      <header className="pl-document-header">
        {showTitle && <h1 className="pl-title">{data.title}</h1>}
        <p className="pl-meta">
          <span className="pl-version">{fill(l.version, { version: data.version })}</span>
          {data.editionDate && (
            <span className="pl-edition-date">
              <Sep />
              {fill(l.editionDate, { date: dateText(data.editionDate, lang) })}
            </span>
          )}
          <span className="pl-effective">
            <Sep />
            {fill(l.inForceSince, { date: dateText(data.effectiveAt, lang) })}
          </span>
        </p>
        {data.servedLocale !== data.requestedLocale && (
          <p className="pl-fallback-locale">
            {fill(l.shownInLocale, { language: languageName(lang, data.requestedLocale) })}
          </p>
        )}
        {data.upcoming && (
          <aside className="pl-upcoming" data-version={data.upcoming.version}>
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
        <div className="pl-body pl-markdown" style={{ whiteSpace: 'pre-wrap' }}>
          {data.body}
        </div>
      )}
    </article>
  );
}
