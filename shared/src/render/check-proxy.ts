/**
 * check-proxy.sh: proves the proxy lets CARTO through. For each allowlisted domain, curl opens a CONNECT
 * tunnel through the proxy and the proxy's answer is printed (200 allowed, 403 blocked, 407 auth required;
 * no-proxy-semantics.md §5.3). Wildcards are checked through a known host under them, when there is one.
 */
import { REPRESENTATIVE_HOSTS } from '../catalog.ts';
import type { Plan } from '../plan.ts';
import { headerLine } from './header.ts';

/** The concrete host to check for an allowlist domain, or undefined for a wildcard without a known host. */
export function checkHost(domain: string): string | undefined {
  return domain.startsWith('*.') ? REPRESENTATIVE_HOSTS[domain] : domain;
}

export function renderCheckProxy(plan: Plan): string {
  // TLS to the proxy is the plan's: rejectUnauthorized is set for an HTTPS proxy only.
  const tlsOption =
    plan.rejectUnauthorized === undefined
      ? ''
      : !plan.rejectUnauthorized
        ? ' --proxy-insecure'
        : plan.ca !== undefined
          ? ` --proxy-cacert "$here/${plan.ca.file}"`
          : '';
  const checks: string[] = [];
  for (const entry of plan.allowlist) {
    const host = checkHost(entry.domain);
    checks.push(
      host === undefined
        ? `skip '${entry.domain}'`
        : host === entry.domain
          ? `check '${host}'`
          : `check '${host}' '${entry.domain}'`,
    );
  }
  return `#!/bin/sh
# Checks that the proxy lets CARTO Self-hosted through: for every allowlisted domain, opens a CONNECT
# tunnel through the proxy with curl and prints the proxy's answer.
# Run it where CARTO runs (needs curl):  sh check-proxy.sh
# ${headerLine(plan.answers)}
set -u

proxy='${plan.proxyUrl}'
${tlsOption.includes('$here') ? `here=$(cd "$(dirname "$0")" && pwd)\n` : ''}allowed=0
blocked=0
failed=0

check() {
  host=$1
  label=\${2:-$1}
  code=$(curl -s -o /dev/null --max-time 10 -w '%{http_connect}' --proxy "$proxy"${tlsOption} "https://$host/" 2>/dev/null)
  case "$code" in
    200) allowed=$((allowed + 1)); echo "allowed        $label" ;;
    403) blocked=$((blocked + 1)); echo "BLOCKED (403)  $label  -> add it to the proxy allowlist" ;;
    407) blocked=$((blocked + 1)); echo "AUTH (407)     $label  -> CARTO cannot authenticate to the proxy: allow it without credentials" ;;
    000) failed=$((failed + 1)); echo "ERROR          $label  -> no answer from the proxy at $proxy (or TLS to the proxy failed)" ;;
    *) failed=$((failed + 1)); echo "ERROR ($code)   $label" ;;
  esac
}

skip() {
  echo "skipped        $1  -> check a host of your own account under it"
}

${checks.join('\n')}

echo
echo "$allowed allowed, $blocked blocked, $failed errors"
[ "$blocked" -eq 0 ] && [ "$failed" -eq 0 ]
`;
}
