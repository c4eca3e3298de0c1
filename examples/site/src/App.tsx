import { useState } from 'react';
import { ConsentForm, PolicyDocument } from 'strapi-plugin-policy-ledger/react';
import { LANGUAGES, labelsFor, type Language } from './labels';

/** The privacy policy in kk / ru / en and the contact form with consent. */
export function App() {
  const [lang, setLang] = useState<Language>('kk');
  const labels = labelsFor(lang);
  return (
    <div className="site" lang={lang}>
      <nav className="languages" aria-label="Language">
        {LANGUAGES.map((l) => (
          <button
            key={l.code}
            type="button"
            aria-pressed={l.code === lang}
            onClick={() => setLang(l.code)}
          >
            {l.name}
          </button>
        ))}
      </nav>
      <main>
        <PolicyDocument policy="privacy" locale={lang} format="html" labels={labels} />
        <section className="contact">
          {/* key: a new language starts a new form (its labels and edition texts differ) */}
          <ConsentForm key={lang} formKey="contact" locale={lang} labels={labels} />
        </section>
      </main>
    </div>
  );
}
