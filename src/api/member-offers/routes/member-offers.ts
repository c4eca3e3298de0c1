/**
 * A route of the app's own, gated by the plugin's route policy: personal
 * offers, only for a signed-in member who agreed to the "marketing" purpose
 * (and whose grant has not expired). Anyone else gets 403 with the reason.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/member-offers',
      handler: 'member-offers.list',
      config: {
        policies: [{ name: 'plugin::policy-ledger.has-consent', config: { purpose: 'marketing' } }],
      },
    },
  ],
};
