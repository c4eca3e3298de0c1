import MarkdownIt from 'markdown-it';
import { matchLocale } from '../domain/locale';

const { escapeHtml } = new MarkdownIt().utils;

type Lang = 'en' | 'ru' | 'kk';
type PageState = 'pending' | 'confirmed' | 'expired';

const TEXT: Record<Lang, Record<PageState, string> & { button: string; title: string }> = {
  en: {
    title: 'Confirmation',
    pending: 'Press the button to confirm your submission and record your consent.',
    confirmed: 'Thank you: your submission is confirmed and your consent is recorded.',
    expired: 'This link has expired or was already used up: nothing more was recorded.',
    button: 'Confirm',
  },
  ru: {
    title: 'Подтверждение',
    pending: 'Нажмите кнопку, чтобы подтвердить отправку и записать ваше согласие.',
    confirmed: 'Спасибо: отправка подтверждена, ваше согласие записано.',
    expired: 'Срок действия ссылки истёк или она уже использована: больше ничего не записано.',
    button: 'Подтвердить',
  },
  kk: {
    title: 'Растау',
    pending: 'Жіберілгенді растап, келісіміңізді тіркеу үшін батырманы басыңыз.',
    confirmed: 'Рахмет: жіберілген нысан расталды, келісіміңіз тіркелді.',
    expired: 'Сілтеменің мерзімі өтті немесе ол пайдаланылды: басқа ештеңе тіркелмеді.',
    button: 'Растау',
  },
};

/**
 * The plugin's own confirmation page, for links that open on the API server
 * (no `mail.confirmUrl`): opening it changes nothing (mail scanners open
 * links too); its button POSTs to the same address.
 */
export function confirmationPage(state: PageState, locale: string | null): string {
  const lang = (matchLocale(locale ?? 'en', ['en', 'ru', 'kk']) as Lang | null) ?? 'en';
  const t = TEXT[lang];
  const button =
    state === 'pending'
      ? `<form method="post"><button type="submit">${escapeHtml(t.button)}</button></form>`
      : '';
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(t.title)}</title></head>` +
    `<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem">` +
    `<h1>${escapeHtml(t.title)}</h1><p>${escapeHtml(t[state])}</p>${button}</body></html>`
  );
}
