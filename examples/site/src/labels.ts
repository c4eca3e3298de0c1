import type { Labels } from 'strapi-plugin-policy-ledger/react';

export type Language = 'kk' | 'ru' | 'en';

export const LANGUAGES: Array<{ code: Language; name: string }> = [
  { code: 'kk', name: 'Қазақша' },
  { code: 'ru', name: 'Русский' },
  { code: 'en', name: 'English' },
];

/** The components' strings in Kazakh and Russian; English is the kit's default. */
const TRANSLATIONS: Record<Language, Partial<Labels>> = {
  en: {},
  ru: {
    loading: 'Загрузка…',
    loadFailed: 'Не удалось загрузить. Попробуйте ещё раз.',
    version: 'Редакция {version}',
    editionDate: 'от {date}',
    inForceSince: 'действует с {date}',
    upcoming: 'Новая редакция ({version}) вступает в силу {date}.',
    required: '(обязательно)',
    accept: 'Я ознакомлен(а) и согласен(на): {policy} (редакция {version}, действует с {date}).',
    submit: 'Отправить',
    sending: 'Отправка…',
    fixErrors: 'Исправьте отмеченные поля.',
    sent: 'Спасибо. Заявка {id} получена {date}.',
    receiptEvent: '{policy}, редакция {version}: {action}',
  },
  kk: {
    loading: 'Жүктелуде…',
    loadFailed: 'Жүктеу мүмкін болмады. Қайталап көріңіз.',
    version: '{version}-редакция',
    editionDate: '{date}',
    inForceSince: '{date} бастап күшінде',
    upcoming: 'Жаңа редакция ({version}) {date} бастап күшіне енеді.',
    required: '(міндетті)',
    accept: 'Мен таныстым және келісемін: {policy} ({version}-редакция, {date} бастап).',
    submit: 'Жіберу',
    sending: 'Жіберілуде…',
    fixErrors: 'Белгіленген өрістерді түзетіңіз.',
    sent: 'Рахмет. {id} өтінімі {date} қабылданды.',
    receiptEvent: '{policy}, {version}-редакция: {action}',
  },
};

export const labelsFor = (lang: Language): Partial<Labels> => TRANSLATIONS[lang];
