export {
  PolicyLedgerProvider,
  usePolicyLedgerClient,
  type PolicyLedgerProviderProps,
} from './context';
export { usePolicy, useForm, useStanding, type PolicyOptions } from './hooks';
export type { Loaded } from './useLoad';
export { PolicyDocument, type PolicyDocumentProps } from './PolicyDocument';
export { ConsentForm, type ConsentFormProps } from './ConsentForm';
export { ReconsentNotice, type ReconsentNoticeProps } from './ReconsentNotice';
export { ConfirmSubmission, type ConfirmSubmissionProps } from './ConfirmSubmission';
export { defaultLabels, type Labels } from './labels';
export { submissionOf, shownEdition } from './submission';
