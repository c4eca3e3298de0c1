import type { CheckpointContent, EventContent } from '../../../shared/contracts';
import {
  canonicalJson,
  checkpointCanonical,
  eventCanonical,
} from '../../../shared/proof/canonical';
import { sha256Hex } from './hash';

// Written once, without Node APIs, for the server and the receipt verifiers alike.
export { canonicalJson, eventCanonical, type CheckpointContent };

export function eventHash(e: EventContent): string {
  return sha256Hex(eventCanonical(e));
}

export function checkpointHash(c: CheckpointContent): string {
  return sha256Hex(checkpointCanonical(c));
}
