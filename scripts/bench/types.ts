/** One line of `npm run bench`: a measured figure against its budget. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The budget in words, e.g. "≥ 0.5". */
  budget: string;
  pass: boolean;
  /** The figures behind the value, for the log. */
  detail?: string;
}

export type BenchSection = () => Promise<BenchResult[]>;
