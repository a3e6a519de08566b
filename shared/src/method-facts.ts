/**
 * What a deployment method and a CARTO release imply, decided once: the release in force, whether it
 * is newer than the wizard knows, proxy support, where a custom CA goes, which options are offered,
 * which proxy hosts the method accepts, its main file and the NO_PROXY entries it always needs.
 *
 * A function of (method, release[, catalog]) only, so it works on a half-filled form (a blank or
 * half-typed release counts as "not given") and before the schema or the renderers load: the web
 * passes the catalog GET /api/catalog served. The schema's cross-field checks, the plan, the steps,
 * the warnings, verify and the preflight all read these facts instead of deciding again.
 * Facts: ../shared/reference/carto-proxy-facts.md §V (§V.1 support, §V.2 CA, §V.3 hosts, §V.5 Helm).
 */
import { CATALOG, type DeploymentMethodId } from './catalog.ts';
import { methodFactsIn, type FactsCatalog, type MethodFacts } from './method-facts-in.ts';

export {
  adminConsoleRefusal,
  adminConsoleRegExp,
  DOCKER_CA_FILE,
  DOCKER_CERTS_MOUNT,
  givenReleaseOf,
  KOTS_CA_CONFIGMAP,
  methodFactsIn,
  type CaDestination,
  type FactsCatalog,
  type MethodFacts,
} from './method-facts-in.ts';

/**
 * The facts of `method` on `release` (blank, undefined or not a release: the newest known one), from
 * `catalog` (default: the shared one; the web passes the copy the API served).
 */
export function methodFacts(
  method: DeploymentMethodId,
  release: string | undefined,
  catalog: FactsCatalog = CATALOG,
): MethodFacts {
  return methodFactsIn(catalog, method, release);
}
