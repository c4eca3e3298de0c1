import type { SubjectExportLocale } from '../../../shared/contracts';

/** The words of the readable access export (person-html.ts), in each language it is offered in. */
export interface PersonHtmlText {
  title: string;
  heading: string;
  intro: (subject: string, generatedAt: string) => string;
  standingsHeading: string;
  standingsHead: string[];
  submissionsHeading: string;
  submissionsHead: string[];
  eventsHeading: string;
  eventsHead: string[];
  textsHeading: string;
  hash: string;
  none: string;
  yes: string;
  no: string;
  erased: string;
  strength: { confirmed: string; unverified: string; none: string };
}

export const PERSON_HTML_TEXT: Record<SubjectExportLocale, PersonHtmlText> = {
  en: {
    title: 'Personal data held',
    heading: 'Personal data held about you',
    intro: (s, g) => `Reference (pseudonym): ${s}. Generated ${g}. Times are UTC (ISO 8601).`,
    standingsHeading: 'Your consent, now',
    standingsHead: [
      'Policy',
      'Accepted edition',
      'Edition in force',
      'Needs acceptance',
      'Purposes',
    ],
    submissionsHeading: 'What you sent us',
    submissionsHead: ['Submission', 'Form', 'Received (UTC)', 'Locale', 'Data'],
    eventsHeading: 'Every decision recorded',
    eventsHead: [
      '#',
      'When (UTC)',
      'Decision',
      'Policy',
      'Locale',
      'Purposes',
      'How',
      'Verified',
      'Evidence',
    ],
    textsHeading: 'The texts you accepted',
    hash: 'SHA-256 of the text',
    none: 'None.',
    yes: 'yes',
    no: 'no',
    erased: 'erased',
    strength: {
      confirmed: 'confirmed: e-mail link opened',
      unverified: 'unverified',
      none: 'recorded by the operator',
    },
  },
  ru: {
    title: 'Хранимые персональные данные',
    heading: 'Персональные данные, которые мы храним о вас',
    intro: (s, g) =>
      `Идентификатор (псевдоним): ${s}. Сформировано ${g}. Время указано в UTC (ISO 8601).`,
    standingsHeading: 'Ваше согласие сейчас',
    standingsHead: [
      'Политика',
      'Принятая редакция',
      'Действующая редакция',
      'Нужно принять',
      'Цели',
    ],
    submissionsHeading: 'Что вы нам отправили',
    submissionsHead: ['Отправка', 'Форма', 'Получено (UTC)', 'Язык', 'Данные'],
    eventsHeading: 'Все записанные решения',
    eventsHead: [
      '№',
      'Когда (UTC)',
      'Решение',
      'Политика',
      'Язык',
      'Цели',
      'Как',
      'Проверка',
      'Доказательства',
    ],
    textsHeading: 'Тексты, которые вы приняли',
    hash: 'SHA-256 текста',
    none: 'Нет.',
    yes: 'да',
    no: 'нет',
    erased: 'удалено',
    strength: {
      confirmed: 'подтверждено: ссылка из письма открыта',
      unverified: 'не подтверждено',
      none: 'записано оператором',
    },
  },
  kk: {
    title: 'Сақталған дербес деректер',
    heading: 'Сіз туралы сақталған дербес деректер',
    intro: (s, g) =>
      `Сәйкестендіргіш (бүркеншік ат): ${s}. Жасалған уақыты ${g}. Уақыт UTC бойынша (ISO 8601).`,
    standingsHeading: 'Қазіргі келісіміңіз',
    standingsHead: [
      'Саясат',
      'Қабылданған редакция',
      'Қолданыстағы редакция',
      'Қабылдау қажет',
      'Мақсаттар',
    ],
    submissionsHeading: 'Бізге жібергеніңіз',
    submissionsHead: ['Жіберілім', 'Форма', 'Алынған (UTC)', 'Тіл', 'Деректер'],
    eventsHeading: 'Жазылған барлық шешімдер',
    eventsHead: [
      '№',
      'Қашан (UTC)',
      'Шешім',
      'Саясат',
      'Тіл',
      'Мақсаттар',
      'Қалай',
      'Тексеру',
      'Дәлелдер',
    ],
    textsHeading: 'Сіз қабылдаған мәтіндер',
    hash: 'Мәтіннің SHA-256 хэші',
    none: 'Жоқ.',
    yes: 'иә',
    no: 'жоқ',
    erased: 'жойылды',
    strength: {
      confirmed: 'расталды: хаттағы сілтеме ашылды',
      unverified: 'расталмаған',
      none: 'оператор жазды',
    },
  },
};
