// The host's plugin configuration (policy-ledger resolved to the repository root).
export { default } from '../../../config/plugins';
