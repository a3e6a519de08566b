/**
 * `npm run bench`: every performance budget of the wizard, measured and printed as a table.
 * Each section lives in scripts/bench/ and returns BenchResult lines; add a section by appending
 * it to SECTIONS. Exits 1 when a budget is missed, so it can gate CI. The sections that compare
 * against a baseline (start-up, throughput) measure both in the same run, so the machine cancels out.
 */
import { apiThroughput } from './bench/api-throughput.ts';
import { previewLatency } from './bench/preview-latency.ts';
import { singleFile } from './bench/single-file.ts';
import { slowLink } from './bench/slow-link.ts';
import { startUp } from './bench/start-up.ts';
import type { BenchResult, BenchSection } from './bench/types.ts';

const SECTIONS: [title: string, run: BenchSection][] = [
  ['Slow link', slowLink],
  ['Preview latency', previewLatency],
  ['Start-up', startUp],
  ['API throughput', apiThroughput],
  ['Single file', singleFile],
];

/** BENCH_ONLY="slow,start" runs the sections whose titles contain one of the words (for iterating). */
const only = process.env.BENCH_ONLY?.split(',').map((word) => word.trim().toLowerCase());
const selected = only
  ? SECTIONS.filter(([title]) => only.some((word) => title.toLowerCase().includes(word)))
  : SECTIONS;

function table(results: readonly BenchResult[]): string {
  const rows = [
    ['measure', 'value', 'budget', 'result'],
    ...results.map((r) => [
      r.name,
      `${r.value}${r.unit ? ` ${r.unit}` : ''}`,
      r.budget,
      r.pass ? 'PASS' : 'FAIL',
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  return [
    line(rows[0]!),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(line),
  ].join('\n');
}

const results: BenchResult[] = [];
for (const [title, run] of selected) {
  console.log(`\n## ${title}`);
  const lines = await run();
  for (const result of lines) if (result.detail) console.log(result.detail);
  results.push(...lines);
}
console.log(`\n${table(results)}\n`);
process.exitCode = results.every((r) => r.pass) ? 0 : 1;
