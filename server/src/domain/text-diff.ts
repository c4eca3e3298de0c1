import { diffLines, diffWordsWithSpace } from 'diff';
import type { DiffEntry, DiffSegment } from '../../../shared/contracts';

/** Unchanged lines kept around each change; longer unchanged runs are folded. */
export const CONTEXT_LINES = 3;
/** Fewer hidden lines than this are shown rather than folded. */
export const MIN_FOLD = 4;

const norm = (t: string | null) => (t ?? '').replace(/\r\n/g, '\n').replace(/\n?$/, '\n');
const linesOf = (value: string) => value.replace(/\n$/, '').split('\n');

/** Word-level changes between two versions of one line. */
export function wordSegments(before: string, after: string): DiffSegment[] {
  return diffWordsWithSpace(before, after).map((p) => ({
    type: p.added ? 'added' : p.removed ? 'removed' : 'same',
    text: p.value,
  }));
}

/**
 * The diff a reader wants: lines removed and added next to each other are
 * paired into "changed" lines that mark the words that changed (one changed
 * word no longer marks a whole paragraph), the lines left over stay added or
 * removed, and runs of unchanged lines longer than twice the context are
 * folded (their lines travel with the fold, so a reader can open it).
 */
export function textDiff(base: string | null, compare: string | null): DiffEntry[] {
  const flat: DiffEntry[] = [];
  const parts = diffLines(norm(base), norm(compare));
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      const removed = linesOf(part.value);
      const added = linesOf(next.value);
      const paired = Math.min(removed.length, added.length);
      for (let k = 0; k < paired; k++) {
        flat.push({
          type: 'changed',
          value: added[k],
          before: removed[k],
          segments: wordSegments(removed[k], added[k]),
        });
      }
      for (const value of removed.slice(paired)) flat.push({ type: 'removed', value });
      for (const value of added.slice(paired)) flat.push({ type: 'added', value });
      i++;
      continue;
    }
    const type = part.added ? 'added' : part.removed ? 'removed' : 'unchanged';
    for (const value of linesOf(part.value)) flat.push({ type, value });
  }
  return fold(flat);
}

/** Folds unchanged runs, keeping CONTEXT_LINES next to each change (and at neither end). */
function fold(entries: DiffEntry[]): DiffEntry[] {
  const out: DiffEntry[] = [];
  for (let i = 0; i < entries.length;) {
    if (entries[i].type !== 'unchanged') {
      out.push(entries[i++]);
      continue;
    }
    let j = i;
    while (j < entries.length && entries[j].type === 'unchanged') j++;
    const run = entries.slice(i, j);
    const keepBefore = i === 0 ? 0 : CONTEXT_LINES;
    const keepAfter = j === entries.length ? 0 : CONTEXT_LINES;
    if (run.length - keepBefore - keepAfter >= MIN_FOLD) {
      out.push(...run.slice(0, keepBefore));
      const hidden = run.slice(keepBefore, run.length - keepAfter);
      out.push({ type: 'folded', value: '', lines: hidden.map((e) => e.value) });
      out.push(...run.slice(run.length - keepAfter));
    } else out.push(...run);
    i = j;
  }
  return out;
}
