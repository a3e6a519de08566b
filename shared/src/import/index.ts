/**
 * Import and merge of existing files, as a separate entry point (`@wizard/shared/import/index`) so the
 * web app loads it, and the `diff` package, only when a user starts from a file.
 */
export * from './import-config.ts';
export * from './merge.ts';
export { envAssignments, type EnvAssignment } from './env-lines.ts';
export { BYTE_ORDER_MARK, BYTE_ORDER_MARK_NOTE, dropByteOrderMark } from './byte-order-mark.ts';
