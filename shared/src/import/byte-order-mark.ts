/**
 * A UTF-8 byte-order mark (U+FEFF) at the start of a customer.env or customizations.yaml, as editors on
 * Windows save "UTF-8 with BOM". The import and the merge both drop it and say so (issue 20, item 1):
 * kept, it sticks to the first key, so python-dotenv reads `\ufeffHTTP_PROXY`, `sh`/`bash`/`dash`
 * sourcing runs it as a command, and CARTO's install.sh stops at `export $line` ("not a valid
 * identifier": install.sh `_run_post_checks`, CartoDB/carto-selfhosted@04f4f422). Docker Compose
 * skips it by itself (compose-go dotenv/godotenv.go@e70e961c, "seek past the UTF-8 BOM") and Helm's
 * YAML reader too, so dropping it loses nothing any reader needed.
 */

export const BYTE_ORDER_MARK = '\ufeff';

/** What the import report, the merge view and the CLI say when a file started with one. */
export const BYTE_ORDER_MARK_NOTE =
  'The file started with a byte-order mark (U+FEFF, an invisible character some Windows editors save): the wizard leaves it out, because CARTO’s install.sh stops at it and python-dotenv reads it as part of the first setting’s name.';

/** The text without a leading byte-order mark, and the note to show when there was one. */
export function dropByteOrderMark(text: string): { text: string; notes: string[] } {
  return text.startsWith(BYTE_ORDER_MARK)
    ? { text: text.slice(BYTE_ORDER_MARK.length), notes: [BYTE_ORDER_MARK_NOTE] }
    : { text, notes: [] };
}
