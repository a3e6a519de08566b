/**
 * The single-file wizard's catalog (issue 19): the same shared module the server sends from
 * `GET /api/catalog`, compiled into the file instead of fetched. It goes through JSON as the server's
 * does, so the app sees exactly the shape it sees when served.
 */
import { CATALOG, type Catalog } from '@wizard/shared';

export function inlinedCatalog(): Catalog {
  return JSON.parse(JSON.stringify(CATALOG)) as Catalog;
}
