// Admin panel languages besides English. Strapi ships no Kazakh translation
// of its own UI: with kk selected, Policy Ledger's screens are in Kazakh and
// the rest of the admin falls back to English.
export default {
  config: {
    locales: ['ru', 'kk'],
  },
  bootstrap() {},
};
