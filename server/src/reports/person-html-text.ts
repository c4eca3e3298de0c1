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
  heldHeading: string;
  heldIntro: string;
  heldHead: string[];
  /** The confirmed address kept for notices of changes. */
  contactsHeading: string;
  contactsHead: string[];
  /** An e-mail about a submission: its kind, and when it was queued and sent. */
  message: {
    confirmation: string;
    notice: string;
    queued: string;
    sent: string;
    notSent: string;
  };
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
    submissionsHead: ['Submission', 'Form', 'Received (UTC)', 'Locale', 'Data', 'E-mails'],
    contactsHeading: 'Your confirmed e-mail address',
    contactsHead: ['E-mail', 'Confirmed (UTC)', 'Language', 'Notices of changes'],
    heldHeading: 'Waiting for your confirmation',
    heldIntro:
      'Sent through a form that asks you to confirm by e-mail: recorded once you open the link, deleted when it expires.',
    heldHead: [
      'Submission',
      'Form',
      'Received (UTC)',
      'Link expires (UTC)',
      'Locale',
      'Data',
      'E-mails',
    ],
    message: {
      confirmation: 'confirmation e-mail',
      notice: 'notice of a change',
      queued: 'queued',
      sent: 'sent',
      notSent: 'not sent yet',
    },
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
    submissionsHead: ['Отправка', 'Форма', 'Получено (UTC)', 'Язык', 'Данные', 'Письма'],
    contactsHeading: 'Ваш подтверждённый адрес e-mail',
    contactsHead: ['E-mail', 'Подтверждён (UTC)', 'Язык', 'Уведомления об изменениях'],
    heldHeading: 'Ожидает вашего подтверждения',
    heldIntro:
      'Отправлено через форму, которая просит подтвердить по e-mail: записывается, когда вы откроете ссылку, и удаляется, когда срок ссылки истечёт.',
    heldHead: [
      'Отправка',
      'Форма',
      'Получено (UTC)',
      'Ссылка действует до (UTC)',
      'Язык',
      'Данные',
      'Письма',
    ],
    message: {
      confirmation: 'письмо для подтверждения',
      notice: 'уведомление об изменении',
      queued: 'в очереди с',
      sent: 'отправлено',
      notSent: 'ещё не отправлено',
    },
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
    submissionsHead: ['Жіберілім', 'Форма', 'Алынған (UTC)', 'Тіл', 'Деректер', 'Хаттар'],
    contactsHeading: 'Сіздің расталған e-mail мекенжайыңыз',
    contactsHead: ['E-mail', 'Расталды (UTC)', 'Тіл', 'Өзгерістер туралы хабарламалар'],
    heldHeading: 'Растауыңызды күтуде',
    heldIntro:
      'E-mail арқылы растауды сұрайтын форма арқылы жіберілді: сілтемені ашқанда жазылады, сілтеменің мерзімі өткенде жойылады.',
    heldHead: [
      'Жіберілім',
      'Форма',
      'Алынған (UTC)',
      'Сілтеме мерзімі (UTC)',
      'Тіл',
      'Деректер',
      'Хаттар',
    ],
    message: {
      confirmation: 'растау хаты',
      notice: 'өзгеріс туралы хабарлама',
      queued: 'кезекке қойылды',
      sent: 'жіберілді',
      notSent: 'әлі жіберілмеді',
    },
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
