import { describe, expect, it } from 'vitest';
import { warningsTitle } from './warnings-title.ts';

describe('warningsTitle', () => {
  it('counts every severity it shows (issue 11, item 13)', () => {
    const of = (...severities: ('error' | 'warning' | 'info')[]) =>
      warningsTitle(severities.map((severity) => ({ severity })));
    expect(of('warning', 'info', 'warning', 'info', 'warning')).toBe('3 warnings, 2 notes');
    expect(of('info')).toBe('1 note');
    expect(of('error', 'warning')).toBe('1 error, 1 warning');
    expect(of('warning')).toBe('1 warning');
  });
});
