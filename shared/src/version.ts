/** The wizard's version, written into every generated file's header (kept equal to the root package.json by a test). */
export const WIZARD_VERSION = '0.1.0';
