import type { SealHealth } from '../../../shared/contracts';

/**
 * Whether sealing keeps up: pure, so the rule is tested without a database.
 *
 * Events are sealed into checkpoints by a job that runs every `periodSeconds`
 * and takes the events older than `sealLagSeconds`. An event may therefore
 * wait up to lag + one period (plus the job's own run) before it is sealed;
 * once the oldest unsealed event has waited longer than lag + two periods
 * + a minute, sealing is behind: the job is off on every instance, failing,
 * or cannot keep up.
 */

export interface SealHealthInput {
  now: Date;
  /** Whether this instance runs the sealing job (`jobs.enabled`). */
  jobsEnabled: boolean;
  sealLagSeconds: number;
  /** Seconds between two runs of the sealing job. */
  periodSeconds: number;
  unsealed: number;
  oldestUnsealedAt: Date | null;
}

export function sealHealth(input: SealHealthInput): SealHealth {
  const overdueAfterSeconds = input.sealLagSeconds + 2 * input.periodSeconds + 60;
  const age = input.oldestUnsealedAt
    ? Math.max(0, Math.floor((input.now.getTime() - input.oldestUnsealedAt.getTime()) / 1000))
    : null;
  const behind = input.unsealed > 0 && age !== null && age > overdueAfterSeconds;
  return {
    status: behind ? 'behind' : input.jobsEnabled ? 'ok' : 'off',
    unsealed: input.unsealed,
    oldestUnsealedAt: input.oldestUnsealedAt ? input.oldestUnsealedAt.toISOString() : null,
    oldestUnsealedAgeSeconds: age,
    overdueAfterSeconds,
  };
}
