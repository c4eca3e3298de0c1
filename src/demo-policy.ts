/**
 * Sample privacy policy texts for the demo and the tests. Written for this
 * project (fictional operator "Dala Books LLP"); not taken from any real site.
 */
export const DEMO_OPERATOR = {
  operatorLegalName: 'Dala Books LLP',
  operatorRegistrationNumber: '000000000000',
  operatorAddress: 'Almaty, Example street 1',
  operatorEmail: 'privacy@dala-books.example',
  operatorPhone: '+77000000000',
};

type Texts = Record<'kk' | 'ru' | 'en', { title: string; body: string; changeSummary: string }>;

export const EDITION_1: Texts = {
  kk: {
    title: 'Жеке деректерді өңдеу саясаты',
    changeSummary: 'Алғашқы редакция.',
    body: `# Жеке деректерді өңдеу саясаты

**Dala Books ЖШС** (бұдан әрі — Оператор) сайтқа келушілердің жеке деректерін осы саясатқа сәйкес өңдейді.

## 1. Қандай деректерді жинаймыз
- Өтінім нысанындағы атыңыз, электрондық поштаңыз және телефон нөміріңіз.
- Техникалық деректер: IP-мекенжай және браузер түрі.

## 2. Не үшін жинаймыз
Тапсырысты рәсімдеу, сұрағыңызға жауап беру және заң талаптарын орындау үшін.

## 3. Сақтау мерзімі
Техникалық деректер 30 күннен кейін жойылады. Өтінімдер мақсатқа жеткенше сақталады.

## 4. Келісімді кері қайтару
Келісіміңізді кез келген уақытта privacy@dala-books.example мекенжайына хат жазып қайтарып ала аласыз.`,
  },
  ru: {
    title: 'Политика обработки персональных данных',
    changeSummary: 'Первая редакция.',
    body: `# Политика обработки персональных данных

**ТОО «Dala Books»** (далее — Оператор) обрабатывает персональные данные посетителей сайта в соответствии с этой политикой.

## 1. Какие данные мы собираем
- Имя, адрес электронной почты и номер телефона из формы заявки.
- Технические данные: IP-адрес и тип браузера.

## 2. Зачем мы их собираем
Чтобы оформить заказ, ответить на ваш вопрос и выполнить требования закона.

## 3. Сроки хранения
Технические данные удаляются через 30 дней. Заявки хранятся до достижения цели обработки.

## 4. Отзыв согласия
Вы можете отозвать согласие в любое время, написав на privacy@dala-books.example.`,
  },
  en: {
    title: 'Personal data processing policy',
    changeSummary: 'First edition.',
    body: `# Personal data processing policy

**Dala Books LLP** (the Operator) processes the personal data of visitors to this site as this policy describes.

## 1. What we collect
- Your name, e-mail address and phone number from the request form.
- Technical data: IP address and browser type.

## 2. Why we collect it
To process your order, answer your question and meet our legal obligations.

## 3. How long we keep it
Technical data is deleted after 30 days. Requests are kept until their purpose is reached.

## 4. Withdrawing consent
You can withdraw your consent at any time by writing to privacy@dala-books.example.`,
  },
};

const marketing = {
  kk: `\n\n## 5. Жаңалықтар таратылымы
Бөлек келісім берсеңіз ғана жаңа кітаптар туралы хабарламалар жібереміз. Бұл келісімді кез келген хаттағы сілтеме арқылы қайтарып алуға болады.`,
  ru: `\n\n## 5. Рассылка новостей
Сообщения о новых книгах мы отправляем только при отдельном согласии. Его можно отозвать по ссылке в любом письме.`,
  en: `\n\n## 5. Newsletter
We send news about new books only with your separate consent, which you can withdraw through the link in any message.`,
};

export const EDITION_2: Texts = {
  kk: {
    ...EDITION_1.kk,
    body: EDITION_1.kk.body + marketing.kk,
    changeSummary: 'Жаңалықтар таратылымы туралы бөлім қосылды.',
  },
  ru: {
    ...EDITION_1.ru,
    body: EDITION_1.ru.body + marketing.ru,
    changeSummary: 'Добавлен раздел о рассылке новостей.',
  },
  en: {
    ...EDITION_1.en,
    body: EDITION_1.en.body + marketing.en,
    changeSummary: 'Added a section on the newsletter.',
  },
};
