export { PolicyLedgerProvider, usePolicyLedgerClient, type ProviderProps } from './context';
export { usePolicy, useForm, useStanding } from './hooks';
export { PolicyDocument, type PolicyDocumentProps } from './PolicyDocument';
export { ConsentForm, type ConsentFormProps } from './ConsentForm';
export { ReconsentNotice, type ReconsentNoticeProps } from './ReconsentNotice';
export { defaultLabels, type Labels } from './labels';
export type { Loaded } from './useLoad';
