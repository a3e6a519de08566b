/**
 * A customer.env read the way dotenv reads it, but keeping every byte: each assignment knows where it sits
 * in the text, so a merge can replace just the value and leave everything else as it was.
 * The matching expression is dotenv's own LINE expression (dotenv lib/main.js); env-lines.test.ts checks
 * the values against `dotenv.parse` itself.
 */

// dotenv's LINE expression, with the value split into its quote and its content, and the inline
// comment after it captured.
const LINE =
  /^[ \t]*(export[ \t]+)?([\w.-]+)(?:[ \t]*=[ \t]*?|:[ \t]+?)([ \t]*'(?:\\'|[^'])*'|[ \t]*"(?:\\"|[^"])*"|[ \t]*`(?:\\`|[^`])*`|[^#\r\n]+)?([ \t]*(?:#.*)?)$/gm;

export interface EnvAssignment {
  key: string;
  /** The value as dotenv returns it. */
  value: string;
  /** The quote the value was written with, if any. */
  quote: "'" | '"' | '`' | '';
  exported: boolean;
  /**
   * The inline comment after the value with the blanks before it (` # ticket NET-42`), as written;
   * empty when the line has none. A merge keeps it (issue 13, item 11).
   */
  comment: string;
  /** Where the assignment starts and ends in the text (without its line break). */
  start: number;
  end: number;
}

function unquote(raw: string): { value: string; quote: EnvAssignment['quote'] } {
  const trimmed = raw.trim();
  const first = trimmed[0];
  if (
    (first === "'" || first === '"' || first === '`') &&
    trimmed.length >= 2 &&
    trimmed.endsWith(first)
  ) {
    let value = trimmed.slice(1, -1);
    if (first === '"') value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
    return { value, quote: first };
  }
  return { value: trimmed, quote: '' };
}

/** Every assignment in the text, in order (repeated keys included: dotenv keeps the last). */
export function envAssignments(text: string): EnvAssignment[] {
  // dotenv turns CRLF into LF before matching; keep offsets in the original text by matching on a copy
  // where each CR is replaced by a character the expression treats like any other.
  const normalized = text.replace(/\r(?=\n)/g, ' ');
  const result: EnvAssignment[] = [];
  for (const match of normalized.matchAll(LINE)) {
    const start = match.index;
    let end = start + match[0].length;
    // The CR that ended the line in the original belongs to the line break, not to the assignment.
    while (end > start && text[end - 1] === '\r') end--;
    const raw = match[3] ?? '';
    const { value, quote } = unquote(raw);
    // An unquoted value takes the blanks before a `#` with it; they belong to the comment.
    const tail = raw.slice(raw.trimEnd().length) + (match[4] ?? '');
    const tailStart = start + match[0].length - tail.length;
    const comment = tail.includes('#') ? text.slice(tailStart, end) : '';
    result.push({
      key: match[2] ?? '',
      value,
      quote,
      exported: match[1] !== undefined,
      comment,
      start,
      end,
    });
  }
  return result;
}
