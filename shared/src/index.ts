export * from './version.ts';
export * from './automation.ts';
export * from './catalog.ts';
export * from './release-names.ts';
export * from './host.ts';
export * from './certificates.ts';
export * from './answers.ts';
export * from './domain-types.ts';
export * from './render/types.ts';
export * from './method-facts.ts';
export * from './plan.ts';
export { CA_DESTINATION_TEXT, caDestinations } from './ca-destinations.ts';
export * from './render/index.ts';
export * from './render/audience.ts';
export * from './rules/no-proxy.ts';
export * from './rules/allowlist.ts';
export * from './rules/egress.ts';
export * from './rules/warnings.ts';
export * from './rules/warning-tiers.ts';
export { answersDigest, canonicalJson } from './render/header.ts';
export { ENV_APPEND_COMMAND, envVariables, renderEnvFile } from './render/env-file.ts';
export {
  HELM_UPGRADE_COMMAND,
  helmValues,
  renderHelmValues,
  type HelmValues,
} from './render/helm-values.ts';
export { adminConsoleSteps, installerCommand, renderKotsSetup } from './render/kots-setup.ts';
export { dockerDaemonJson, renderDockerDaemonProxy } from './render/docker-daemon.ts';
export { CHECK_PROXY_COMMAND, nextSteps, OWN_FILE_NAME } from './render/next-steps.ts';
export type { CodeBlock, NextStep } from './render/types.ts';
export { squidDomains } from './render/allowlist-files.ts';
export { checkHost } from './render/check-proxy.ts';
export * from './no-proxy/lint.ts';
export * from './no-proxy/simulate.ts';
export { parseTarget, type Target } from './no-proxy/target.ts';
