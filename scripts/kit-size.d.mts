export interface BundleSize {
  /** Bytes, minified. */
  min: number;
  /** Bytes, minified and gzipped (level 9). */
  minGzip: number;
  /** Bytes allowed min+gzip, or null when not budgeted. */
  budget: number | null;
}
export interface SizeReport {
  method: string;
  bundles: Record<string, BundleSize>;
}
export const BUDGETS: { client: number; react: number };
export function measureKit(root: string): Promise<SizeReport>;
export function sizeTable(report: SizeReport): string;
export function overBudget(report: SizeReport): string[];
