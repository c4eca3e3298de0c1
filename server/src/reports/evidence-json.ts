import type { EvidencePack } from '../../../shared/contracts';

/**
 * The evidence pack as the file an admin downloads: indented for reading,
 * with its checkpoint chain one checkpoint per line (the chain may hold
 * hundreds of thousands: indenting each would make the file a third larger
 * and slower to write and read, and no easier to follow).
 */
export function evidencePackJson(pack: EvidencePack): string {
  const chain = pack.checkpoints?.chain;
  if (!pack.checkpoints || !chain?.length) return JSON.stringify(pack, null, 2);
  const mark = `@@chain:${pack.generatedAt}:${chain.length}@@`;
  const outline = JSON.stringify(
    { ...pack, checkpoints: { ...pack.checkpoints, chain: mark } },
    null,
    2,
  );
  const lines = chain.map((c) => JSON.stringify(c)).join(',\n      ');
  return outline.replace(JSON.stringify(mark), () => `[\n      ${lines}\n    ]`);
}
