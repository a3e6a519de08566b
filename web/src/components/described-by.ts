/** The aria-describedby value for the ids that exist (hint, error, …), or undefined when none does. */
export const describedBy = (...ids: (string | false | undefined)[]): string | undefined =>
  ids.filter(Boolean).join(' ') || undefined;
