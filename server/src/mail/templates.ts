import MarkdownIt from 'markdown-it';
import { matchLocale } from '../domain/locale';

const { escapeHtml } = new MarkdownIt().utils;

/** A rendered e-mail. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

type Lang = 'en' | 'ru' | 'kk';
const LANGS: Lang[] = ['en', 'ru', 'kk'];
const langOf = (locale: string | null): Lang =>
  (matchLocale(locale ?? 'en', LANGS) as Lang | null) ?? 'en';

// Building a DateTimeFormat costs more than rendering the rest of a message: one per language and zone.
const formats = new Map<string, Intl.DateTimeFormat>();
function dateIn(lang: Lang, d: Date, timeZone: string) {
  const key = `${lang}|${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'kk' ? 'kk-KZ' : lang === 'ru' ? 'ru-RU' : 'en-GB', {
      dateStyle: 'long',
      timeZone,
    });
    formats.set(key, f);
  }
  return f.format(d);
}

const CONFIRM = {
  en: {
    subject: (form: string) => `Please confirm: ${form}`,
    intro: (form: string) =>
      `Someone, hopefully you, sent the form "${form}" with this e-mail address.`,
    action: 'Confirm',
    ask: 'To confirm that it was you and record your consent, open this link:',
    until: (d: string) => `The link works until ${d}.`,
    ignore:
      'If it was not you, ignore this message: nothing is recorded, and what was sent is erased when the link expires.',
  },
  ru: {
    subject: (form: string) => `Подтвердите, пожалуйста: ${form}`,
    intro: (form: string) =>
      `С этим адресом электронной почты была отправлена форма «${form}» — надеемся, вами.`,
    action: 'Подтвердить',
    ask: 'Чтобы подтвердить, что это были вы, и записать ваше согласие, откройте ссылку:',
    until: (d: string) => `Ссылка действует до ${d}.`,
    ignore:
      'Если это были не вы, просто не отвечайте: ничего не будет записано, а отправленные данные удалятся, когда ссылка истечёт.',
  },
  kk: {
    subject: (form: string) => `Растауыңызды сұраймыз: ${form}`,
    intro: (form: string) => `Осы электрондық пошта мекенжайымен «${form}» нысаны жіберілді.`,
    action: 'Растау',
    ask: 'Бұл сіз екеніңізді растап, келісіміңізді тіркеу үшін мына сілтемені ашыңыз:',
    until: (d: string) => `Сілтеме ${d} дейін жарамды.`,
    ignore:
      'Егер бұл сіз болмасаңыз, хатқа жауап бермеңіз: ештеңе тіркелмейді, ал жіберілген деректер сілтеменің мерзімі біткенде жойылады.',
  },
};

/** The words of a message asking the person to open a link. */
interface LinkWords {
  subject: (form: string) => string;
  intro: (form: string) => string;
  action: string;
  ask: string;
  until: (date: string) => string;
  ignore: string;
}

/** What a message asking to open a link says: the form, the link, until when, in which language. */
interface LinkMessage {
  locale: string | null;
  form: string;
  link: string;
  expiresAt: Date;
  timeZone: string;
}

/** A message asking to open a link: why, the link, until when, and what happens if ignored. */
function linkMessage(words: Record<Lang, LinkWords>, p: LinkMessage): MailContent {
  const lang = langOf(p.locale);
  const t = words[lang];
  const until = t.until(dateIn(lang, p.expiresAt, p.timeZone));
  const text = [t.intro(p.form), '', t.ask, p.link, '', until, '', t.ignore, ''].join('\n');
  const html =
    `<p>${escapeHtml(t.intro(p.form))}</p><p>${escapeHtml(t.ask)}</p>` +
    `<p><a href="${escapeHtml(p.link)}">${escapeHtml(t.action)}</a></p>` +
    `<p>${escapeHtml(until)}</p><p>${escapeHtml(t.ignore)}</p>`;
  return { subject: t.subject(p.form), text, html };
}

/** The double opt-in message: what was sent, the link, until when, and what happens if ignored. */
export function confirmationMail(p: LinkMessage): MailContent {
  return linkMessage(CONFIRM, p);
}

const LINK = {
  en: {
    subject: (form: string) => `Please confirm your e-mail: ${form}`,
    intro: (form: string) =>
      `Someone signed in to an account, hopefully you, sent the form "${form}" with this e-mail address.`,
    action: 'Confirm',
    ask: 'To confirm that this address is yours and link it to your account, open this link:',
    until: (d: string) => `The link works until ${d}.`,
    ignore:
      'If it was not you, ignore this message: this address is not linked to anyone, and the request is erased when the link expires.',
  },
  ru: {
    subject: (form: string) => `Подтвердите адрес электронной почты: ${form}`,
    intro: (form: string) =>
      `Из учётной записи — надеемся, вашей — была отправлена форма «${form}» с этим адресом электронной почты.`,
    action: 'Подтвердить',
    ask: 'Чтобы подтвердить, что это ваш адрес, и связать его с вашей учётной записью, откройте ссылку:',
    until: (d: string) => `Ссылка действует до ${d}.`,
    ignore:
      'Если это были не вы, просто не отвечайте: адрес ни с кем не будет связан, а запрос удалится, когда ссылка истечёт.',
  },
  kk: {
    subject: (form: string) => `Электрондық поштаңызды растаңыз: ${form}`,
    intro: (form: string) =>
      `Тіркелгіден осы электрондық пошта мекенжайымен «${form}» нысаны жіберілді.`,
    action: 'Растау',
    ask: 'Бұл мекенжай сіздікі екенін растап, оны тіркелгіңізбен байланыстыру үшін мына сілтемені ашыңыз:',
    until: (d: string) => `Сілтеме ${d} дейін жарамды.`,
    ignore:
      'Егер бұл сіз болмасаңыз, хатқа жауап бермеңіз: мекенжай ешкіммен байланыстырылмайды, ал сұрау сілтеменің мерзімі біткенде жойылады.',
  },
};

/**
 * A signed-in user typed this e-mail on a double opt-in form: the link that
 * confirms it is theirs and links it to their account (services/account-emails.ts).
 */
export function emailLinkMail(p: LinkMessage): MailContent {
  return linkMessage(LINK, p);
}

const NOTICE = {
  en: {
    subject: (policy: string) => `Changes to ${policy}`,
    intro: (policy: string, v: number) => `We have published a new edition (v${v}) of ${policy}.`,
    effective: (d: string) => `It takes effect on ${d}.`,
    summary: 'What changes:',
    read: 'Read the new edition:',
    reconsent: 'We will ask for your consent again when you next visit.',
    continued:
      'If you keep using the service after that date, you accept the new edition; you may withdraw your consent at any time.',
    why: 'You receive this because you asked to be told of changes to this policy.',
  },
  ru: {
    subject: (policy: string) => `Изменения: ${policy}`,
    intro: (policy: string, v: number) => `Мы опубликовали новую редакцию (v${v}): ${policy}.`,
    effective: (d: string) => `Она вступает в силу ${d}.`,
    summary: 'Что меняется:',
    read: 'Новая редакция:',
    reconsent: 'При следующем посещении мы снова попросим вашего согласия.',
    continued:
      'Продолжая пользоваться сервисом после этой даты, вы принимаете новую редакцию; отозвать согласие можно в любое время.',
    why: 'Вы получили это письмо, потому что просили сообщать об изменениях этой политики.',
  },
  kk: {
    subject: (policy: string) => `Өзгерістер: ${policy}`,
    intro: (policy: string, v: number) => `Біз жаңа редакцияны (v${v}) жарияладық: ${policy}.`,
    effective: (d: string) => `Ол ${d} бастап күшіне енеді.`,
    summary: 'Не өзгереді:',
    read: 'Жаңа редакция:',
    reconsent: 'Келесі кіргеніңізде келісіміңізді қайта сұраймыз.',
    continued:
      'Осы күннен кейін қызметті пайдалана берсеңіз, жаңа редакцияны қабылдайсыз; келісімді кез келген уақытта қайтарып алуға болады.',
    why: 'Сіз бұл саясаттың өзгерістері туралы хабарлауды сұрағандықтан, осы хатты алдыңыз.',
  },
};

/** The notice of a material or re-consent edition: summary, effective date, link. */
export function noticeMail(p: {
  locale: string | null;
  policy: string;
  version: number;
  changeKind: 'material' | 'reconsent';
  summary: string | null;
  effectiveAt: Date;
  link: string;
  timeZone: string;
}): MailContent {
  const lang = langOf(p.locale);
  const t = NOTICE[lang];
  const effective = t.effective(dateIn(lang, p.effectiveAt, p.timeZone));
  const after = p.changeKind === 'reconsent' ? t.reconsent : t.continued;
  const summary = p.summary?.trim() ? [t.summary, p.summary.trim(), ''] : [];
  const text = [
    t.intro(p.policy, p.version),
    effective,
    '',
    ...summary,
    t.read,
    p.link,
    '',
    after,
    '',
    t.why,
    '',
  ].join('\n');
  const html =
    `<p>${escapeHtml(t.intro(p.policy, p.version))} ${escapeHtml(effective)}</p>` +
    (summary.length
      ? `<p>${escapeHtml(t.summary)}</p><p>${escapeHtml(p.summary!.trim()).replace(/\n/g, '<br>')}</p>`
      : '') +
    `<p>${escapeHtml(t.read)} <a href="${escapeHtml(p.link)}">${escapeHtml(p.link)}</a></p>` +
    `<p>${escapeHtml(after)}</p><p><small>${escapeHtml(t.why)}</small></p>`;
  return { subject: t.subject(p.policy), text, html };
}
