/**
 * The subject secret of the apps `bench:scale` and `bench:checks` boot (unless
 * POLICY_LEDGER_SUBJECT_SECRET is set): the generated ledger's people are
 * pseudonyms under it, and a consent check must find them. A throwaway value
 * for benchmark databases, never a real app's.
 */
export const BENCH_SUBJECT_SECRET = 'bench-only-subject-secret-0123456789';
