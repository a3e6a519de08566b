/**
 * The single-file wizard's saved draft is keyed by where the file is (issue 19): every file opened
 * from disk shares one `file://` storage in Chromium, and copies on one static host share their
 * origin's, so two copies of the wizard (two customers, two installations) would otherwise restore
 * and overwrite each other's answers. The served app keeps its plain key (one wizard per origin).
 *
 * @see {@link https://developer.mozilla.org/en-US/docs/Web/API/Web_Storage_API#private_browsing_incognito_modes} (file: origins are browser-specific)
 */
export type KeyedStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** `storage` with every key suffixed by `@scope` (e.g. the file's path); null stays null. */
export function scopedStorage(storage: KeyedStorage | null, scope: string): KeyedStorage | null {
  if (!storage) return null;
  const key = (name: string) => `${name}@${scope}`;
  return {
    getItem: (name) => storage.getItem(key(name)),
    setItem: (name, value) => storage.setItem(key(name), value),
    removeItem: (name) => storage.removeItem(key(name)),
  };
}
