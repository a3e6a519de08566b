/**
 * verify-carto.sh (issue 12): did the settings take effect? For each CARTO container of the
 * expectations, its environment (`docker-compose exec -T SERVICE env`, or `kubectl exec` on the
 * deployment) is compared with the expected values; then, from inside workspace-api, the egress check
 * of egress-check-script.ts runs on the container's own Node. Values that could hold secrets (proxy
 * URLs) are compared, never printed: a report names only the expected value.
 *
 * Plain POSIX sh (checked with shellcheck, `bash -n` and `dash -n`); every value from the answers is
 * single-quoted with `shellQuote`, and the Node script sits in a quoted heredoc, so nothing in it is
 * expanded by the shell.
 */
import type { Answers } from '../answers.ts';
import { renderEgressCheckScript } from './egress-check-script.ts';
import { headerLine } from './header.ts';
import type { ExpectedVariable, VerifyExpectations } from './verify-expectations.ts';

/** A POSIX shell word holding exactly `text`. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Where the embedded cluster of a Single VM installation keeps its kubectl and admin kubeconfig. */
export const EMBEDDED_KUBECTL = '/var/lib/embedded-cluster/bin/kubectl';
export const EMBEDDED_KUBECONFIG = '/var/lib/embedded-cluster/k0s/pki/admin.conf';

const HEREDOC = 'CARTO_EGRESS_CHECK';

function variableCall(variable: ExpectedVariable): string {
  const { name, check } = variable;
  switch (check.kind) {
    case 'equals':
      return `  expect_equals ${name} ${shellQuote(check.value)}`;
    case 'url':
      return `  expect_url ${name} ${shellQuote(check.value)}`;
    case 'list':
      // Clients compare NO_PROXY entries case-insensitively (no-proxy-semantics.md §1.2).
      return `  expect_list ${name} ${check.entries.map((e) => shellQuote(e.toLowerCase())).join(' ')}`;
    case 'file':
      return `  expect_file ${name}${check.value === undefined ? '' : ` ${shellQuote(check.value)}`}`;
  }
}

function usageLine(kubernetes: boolean): string {
  return kubernetes
    ? 'Usage: sh verify-carto.sh [--release NAME] [--namespace NAMESPACE] [--json]'
    : 'Usage: sh verify-carto.sh [--json]';
}

function header(answers: Answers): string {
  const where =
    answers.deployment.method === 'docker-compose'
      ? [
          '# Run it on the CARTO host, in the installation folder (where docker-compose.yml is):',
          '#   sh verify-carto.sh [--json]',
        ]
      : answers.deployment.method === 'single-vm'
        ? [
            "# Run it on the VM (the embedded cluster's kubectl needs root):",
            '#   sudo sh verify-carto.sh [--namespace NAMESPACE] [--json]',
          ]
        : [
            '# Run it where kubectl reaches the cluster. The release name defaults to carto, the namespace',
            "# to kubectl's current one:",
            '#   sh verify-carto.sh [--release NAME] [--namespace NAMESPACE] [--json]',
          ];
  return [
    '#!/bin/sh',
    "# Checks that CARTO's running containers picked up the proxy settings, and that CARTO gets out",
    '# through the proxy: from inside workspace-api, a CONNECT to every allowlisted domain with the',
    "# container's own proxy and CA settings. Values that could hold secrets are compared, never printed.",
    ...where,
    '# Exit status 0 only when every check passes.',
    `# ${headerLine(answers)}`,
  ].join('\n');
}

function argumentParser(kubernetes: boolean): string {
  const k8sOptions = kubernetes
    ? `    --release | --namespace | -n)
      if [ $# -lt 2 ]; then usage >&2; exit 2; fi
      if [ "$1" = --release ]; then release=$2; else namespace=$2; fi
      shift ;;
    --release=*) release=\${1#*=} ;;
    --namespace=*) namespace=\${1#*=} ;;
`
    : '';
  return `usage() {
  echo '${usageLine(kubernetes)}'
}
json=0
${kubernetes ? "release=carto\nnamespace=''\n" : ''}while [ $# -gt 0 ]; do
  case $1 in
    --json) json=1 ;;
${k8sOptions}    -h | --help) usage; exit 0 ;;
    *) echo "verify-carto.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done`;
}

/** The functions that run a command in a named CARTO container, for Compose or Kubernetes. */
function containerAccess(expectations: VerifyExpectations): string {
  if (expectations.method === 'docker-compose') {
    return `# docker-compose 1.x, or Compose v2 as a docker plugin.
if command -v docker-compose >/dev/null 2>&1; then
  tool=docker-compose
  compose() { docker-compose "$@"; }
else
  tool=docker
  compose() { docker compose "$@"; }
fi
in_container() {
  service=$1
  shift
  compose exec -T "$service" "$@"
}
unreachable_hint='run it in the installation folder, with the containers up (docker-compose ps)'`;
  }
  const cases = expectations.containers
    .filter((c) => c.deployment !== c.name || c.container !== undefined)
    .map(
      (c) =>
        `    ${c.name}) deployment=${c.deployment ?? c.name}; container=${shellQuote(c.container ?? '')} ;;`,
    );
  const embedded =
    expectations.method === 'single-vm'
      ? `# On the VM, the embedded cluster's own kubectl and admin kubeconfig.
if ! command -v kubectl >/dev/null 2>&1 && [ -x ${EMBEDDED_KUBECTL} ]; then
  tool=${EMBEDDED_KUBECTL}
  KUBECONFIG=\${KUBECONFIG:-${EMBEDDED_KUBECONFIG}}
  export KUBECONFIG
fi
# The application's namespace, found by its workspace-api deployment.
if [ -z "$namespace" ]; then
  namespace=$("$tool" get deployments --all-namespaces --field-selector "metadata.name=$release-workspace-api" -o 'jsonpath={.items[0].metadata.namespace}' 2>/dev/null) || namespace=''
fi
`
      : '';
  return `tool=kubectl
${embedded}kube() {
  if [ -n "$namespace" ]; then "$tool" --namespace "$namespace" "$@"; else "$tool" "$@"; fi
}
in_container() {
  case $1 in
${cases.join('\n')}
    *) deployment=$1; container='' ;;
  esac
  shift
  if [ -n "$container" ]; then
    kube exec -i "deploy/$release-$deployment" -c "$container" -- "$@"
  else
    kube exec -i "deploy/$release-$deployment" -- "$@"
  fi
}
unreachable_hint='check the release name (--release) and namespace (--namespace), and that the pods are running'`;
}

/** The comparison functions the expected variables use (only those, so none is left unused). */
const CHECK_FUNCTIONS: Record<ExpectedVariable['check']['kind'], string> = {
  url: `# The same proxy URL: case-insensitive, trailing slashes ignored. Only the expected value is printed.
expect_url() {
  if ! get "$1"; then problem "$1 is not set"; return; fi
  actual=$value
  while [ "\${actual%/}" != "$actual" ]; do actual=\${actual%/}; done
  if [ "$(lower "$actual")" != "$(lower "$2")" ]; then problem "$1 is not $2"; fi
}
`,
  equals: `expect_equals() {
  if ! get "$1"; then problem "$1 is not set"; return; fi
  if [ "$value" != "$2" ]; then problem "$1 is not $2"; fi
}
`,
  list: `# expect_list NAME ENTRY...: the comma-separated list holds every entry (more are fine).
expect_list() {
  name=$1
  shift
  if ! get "$name"; then problem "$name is not set"; return; fi
  list=,$(lower "$value" | tr -d '[:space:]'),
  missing=''
  for entry in "$@"; do
    case $list in
      *,"$entry",*) ;;
      *) missing="\${missing:+$missing,}$entry" ;;
    esac
  done
  if [ -n "$missing" ]; then problem "$name lacks $missing"; fi
}
`,
  file: `# expect_file NAME [PATH]: the variable names a file the container can read.
expect_file() {
  if ! get "$1"; then problem "$1 is not set"; return; fi
  path=$value
  if [ -n "\${2:-}" ] && [ "$path" != "$2" ]; then problem "$1 is not $2"; return; fi
  if ! in_container "$current" test -r "$path" </dev/null >/dev/null 2>&1; then
    problem "$1 is $path, which the container cannot read"
  fi
}
`,
};

function checkFunctions(expectations: VerifyExpectations): string {
  const kinds = new Set(expectations.variables.map((v) => v.check.kind));
  const order = ['url', 'equals', 'list', 'file'] as const;
  return order
    .filter((kind) => kinds.has(kind))
    .map((kind) => CHECK_FUNCTIONS[kind])
    .join('\n');
}

export function renderVerifyCarto(answers: Answers, expectations: VerifyExpectations): string {
  // Helm, kots and single-vm (its embedded cluster) all run CARTO in Kubernetes.
  const kubernetes = expectations.method !== 'docker-compose';
  const variableCalls = expectations.variables.map(variableCall).join('\n');
  const containers = expectations.containers.map((c) => `check_env ${c.name}`).join('\n');
  const skipped = expectations.skipped
    .map((s) => `report SKIP egress ${shellQuote(`${s.label}: ${s.reason}`)}`)
    .join('\n');
  const egressJs = renderEgressCheckScript(expectations.egress);
  if (egressJs.split('\n').includes(HEREDOC))
    throw new Error('the egress script would end the heredoc');

  return `${header(answers)}
set -u

${argumentParser(kubernetes)}

ok=0
mismatch=0
fail=0
skipped=0
records=''
tab=$(printf '\\t')
fix_hint=${shellQuote(expectations.fixHint)}

# Text for a JSON string: control characters dropped, backslash and quote escaped.
json_text() {
  printf '%s' "$1" | tr -d '\\000-\\037' | sed 's/\\\\/\\\\\\\\/g; s/"/\\\\"/g'
}

# report STATUS WHERE MESSAGE [WHAT TO DO]
report() {
  case $1 in
    OK) ok=$((ok + 1)) ;;
    MISMATCH) mismatch=$((mismatch + 1)) ;;
    FAIL) fail=$((fail + 1)) ;;
    *) skipped=$((skipped + 1)) ;;
  esac
  todo=\${4:-}
  if [ "$json" -eq 1 ]; then
    record="{\\"status\\":\\"$1\\",\\"target\\":\\"$(json_text "$2")\\",\\"message\\":\\"$(json_text "$3")\\",\\"hint\\":\\"$(json_text "$todo")\\"}"
    records="\${records:+$records,}$record"
  elif [ -n "$todo" ]; then
    printf '%-9s %-21s %s -> %s\\n' "$1" "$2" "$3" "$todo"
  else
    printf '%-9s %-21s %s\\n' "$1" "$2" "$3"
  fi
}

finish() {
  if [ "$json" -eq 1 ]; then
    passed=false
    if [ "$mismatch" -eq 0 ] && [ "$fail" -eq 0 ]; then passed=true; fi
    printf '{"passed":%s,"summary":{"ok":%s,"mismatch":%s,"fail":%s,"skipped":%s},"checks":[%s]}\\n' \\
      "$passed" "$ok" "$mismatch" "$fail" "$skipped" "$records"
  else
    echo
    echo "$ok OK, $mismatch MISMATCH, $fail FAIL, $skipped skipped"
  fi
  [ "$mismatch" -eq 0 ] && [ "$fail" -eq 0 ]
  exit
}

${containerAccess(expectations)}

if ! command -v "$tool" >/dev/null 2>&1; then
  report FAIL host "$tool is not installed here" "$unreachable_hint"
  finish
fi

problems=''
problem() {
  problems="\${problems:+$problems; }$1"
}
nl='
'
# get NAME: whether the container has the variable, its value in $value (no subshell: it runs often).
get() {
  case $env_all in
    *"$nl$1="*) ;;
    *) return 1 ;;
  esac
  value=\${env_all#*"$nl$1="}
  value=\${value%%"$nl"*}
}
lower() {
  printf '%s' "$1" | tr '[:upper:]' '[:lower:]'
}

${checkFunctions(expectations)}
check_env() {
  current=$1
  problems=''
  if ! env_all=$(in_container "$current" env </dev/null 2>/dev/null); then
    report FAIL "$current" 'cannot look into the container' "$unreachable_hint"
    return
  fi
  env_all="$nl$env_all$nl"
${variableCalls}
  if [ -z "$problems" ]; then
    report OK "$current" 'proxy settings as expected'
  else
    report MISMATCH "$current" "$problems" "$fix_hint"
  fi
}

${containers}

# The egress check, run by the container's own node (egress-check-script.ts of the wizard).
egress_script() {
  cat <<'${HEREDOC}'
${egressJs}${HEREDOC}
}

check_egress() {
  from=$1
  if ! out=$(egress_script | in_container "$from" node - 2>/dev/null); then
    report FAIL "$from" 'cannot run node in the container for the egress check' "$unreachable_hint"
    return
  fi
  seen=0
  while IFS=$tab read -r status host label detail; do
    what=$label
    if [ "$host" != "$label" ]; then what="$label (tried $host)"; fi
    case $status in
      allowed) report OK egress "$what: allowed by the proxy" ;;
      blocked) report FAIL egress "$what: BLOCKED by the proxy (403)" 'add it to the proxy allowlist (proxy-allowlist.txt)' ;;
      auth-required) report FAIL egress "$what: the proxy asks for credentials (407)" 'CARTO cannot authenticate to the proxy: allow it without credentials' ;;
      tls-error) report FAIL egress "$what: $detail" "the container does not trust the proxy's certificate: check NODE_EXTRA_CA_CERTS and the CA file" ;;
      error) report FAIL egress "$what: $detail" 'check that the container reaches the proxy (host, port, firewall)' ;;
      direct-ok) report OK egress "$what: reachable directly, not through the proxy" ;;
      direct-error) report FAIL egress "$what: not reachable directly: $detail" 'allow it in the firewall (egress-rules.md)' ;;
      *) continue ;;
    esac
    seen=$((seen + 1))
  done <<EOF
$out
EOF
  if [ "$seen" -ne ${String(expectations.egress.length)} ]; then
    report FAIL "$from" "the egress check printed $seen of ${String(expectations.egress.length)} results" 'run it again; if it persists, check the container logs'
  fi
}

check_egress ${expectations.egressFrom}
${skipped}${skipped === '' ? '' : '\n'}
finish
`;
}
