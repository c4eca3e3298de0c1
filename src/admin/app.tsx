// Admin panel languages besides English. Strapi ships no Kazakh translation of its own UI and
// its Profile page lists only the languages it has a name for (not Kazakh); choose Kazakh with
// the "Interface language" switch on the Policy Ledger page: the whole admin then runs in kk,
// Policy Ledger's screens and its Content Manager labels in Kazakh, Strapi's own strings in
// English (or in `config.translations.kk`, when the app provides them).
export default {
  config: {
    locales: ['ru', 'kk'],
  },
  bootstrap() {},
};
