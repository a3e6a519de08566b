/**
 * The draft: what the user has typed so far, exactly as the form holds it (strings for text inputs,
 * booleans for checkboxes, lists for multi-choice). It is what we persist and share, so a reload or a
 * share link restores the form byte for byte, including values that are not valid yet.
 *
 * Turning the draft into an answers document (numbers, omitted empty fields, fields that do not apply
 * dropped) is `toAnswersInput` (answers-input.ts); validating it is the shared schema's job (see analysis.ts).
 */
import type { DeploymentMethodId, ServiceId, WarehouseId } from '@wizard/shared';

export type Protocol = 'http' | 'https';

export interface DeploymentDraft {
  method: DeploymentMethodId | '';
  release: string;
  gkeWorkloadIdentity: boolean;
  kubernetesServiceIp: string;
  /** Kubernetes: empty means the chart's default, cluster.local. */
  clusterDomain: string;
  /** Kubernetes: the nodes pull CARTO's images through this proxy (allowlists the registries). */
  imagePullsThroughProxy: boolean;
  /** Helm with an HTTPS proxy: Pub/Sub over HTTPS (on unless the user turns it off). */
  usePubSubRestApi: boolean;
}

export interface ProxyDraft {
  protocol: Protocol | '';
  host: string;
  /** As typed: validated (and turned into a number) only when building the answers. */
  port: string;
  verifyCertificate: boolean;
  /** Never leaves this browser except in the answers sent to this server; never in a share link. */
  customCa: string;
  /**
   * The share link this draft came from says its sender used a custom CA (never the CA itself): the
   * TLS step and Review ask for it until one is pasted or the user says it is not needed.
   */
  customCaExpected: boolean;
}

export interface Draft {
  deployment: DeploymentDraft;
  proxy: ProxyDraft;
  excludedDomains: string[];
  warehouses: WarehouseId[];
  services: ServiceId[];
}

export const EMPTY_DRAFT: Draft = Object.freeze({
  deployment: {
    method: '',
    release: '',
    gkeWorkloadIdentity: false,
    kubernetesServiceIp: '',
    clusterDomain: '',
    imagePullsThroughProxy: false,
    usePubSubRestApi: true,
  },
  proxy: {
    protocol: '',
    host: '',
    port: '',
    verifyCertificate: true,
    customCa: '',
    customCaExpected: false,
  },
  excludedDomains: [],
  warehouses: [],
  services: [],
}) as Draft;

export function emptyDraft(): Draft {
  return {
    deployment: { ...EMPTY_DRAFT.deployment },
    proxy: { ...EMPTY_DRAFT.proxy },
    excludedDomains: [],
    warehouses: [],
    services: [],
  };
}

/** Limits for untrusted input (a share link or localStorage): generous, but bounded. */
const MAX_TEXT = 512;
const MAX_CA = 64 * 1024;
const MAX_LIST = 250;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown, max = MAX_TEXT): string =>
  typeof value === 'string' ? value.slice(0, max) : '';

const oneOf = <T extends string>(value: unknown, allowed: readonly T[]): T | '' =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : '';

const CATALOG_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * Catalog ids (method, warehouses, services) are only checked for shape here: which ids exist is the
 * catalog's business, and it is not part of the first page load. Unknown ones are dropped once the
 * catalog arrives (see `keepKnownIds`).
 */
const id = <T extends string>(value: unknown): T | '' =>
  typeof value === 'string' && CATALOG_ID.test(value) ? (value as T) : '';

const idList = <T extends string>(value: unknown): T[] =>
  Array.isArray(value)
    ? [
        ...new Set(value.filter((id): id is T => typeof id === 'string' && CATALOG_ID.test(id))),
      ].slice(0, MAX_LIST)
    : [];

interface KnownIds {
  deploymentMethods: readonly { id: string }[];
  warehouses: readonly { id: string }[];
  services: readonly { id: string }[];
}

/** The draft without catalog ids the catalog does not know (from an old or edited link). */
export function keepKnownIds(draft: Draft, known: KnownIds): Draft {
  const has = (list: readonly { id: string }[], value: string) =>
    list.some((item) => item.id === value);
  const methodKnown =
    draft.deployment.method === '' || has(known.deploymentMethods, draft.deployment.method);
  const warehouses = draft.warehouses.filter((w) => has(known.warehouses, w));
  const services = draft.services.filter((s) => has(known.services, s));
  if (
    methodKnown &&
    warehouses.length === draft.warehouses.length &&
    services.length === draft.services.length
  ) {
    return draft;
  }
  return {
    ...draft,
    deployment: methodKnown ? draft.deployment : { ...draft.deployment, method: '' },
    warehouses,
    services,
  };
}

/**
 * Reads anything (parsed JSON from localStorage, a decoded share link) into a well-formed draft:
 * unknown keys are dropped, wrong types become empty, lists keep well-formed ids.
 */
export function normalizeDraft(input: unknown): Draft {
  const root = isRecord(input) ? input : {};
  const deployment = isRecord(root.deployment) ? root.deployment : {};
  const proxy = isRecord(root.proxy) ? root.proxy : {};
  return {
    deployment: {
      method: id<DeploymentMethodId>(deployment.method),
      release: text(deployment.release),
      gkeWorkloadIdentity: deployment.gkeWorkloadIdentity === true,
      kubernetesServiceIp: text(deployment.kubernetesServiceIp),
      clusterDomain: text(deployment.clusterDomain),
      imagePullsThroughProxy: deployment.imagePullsThroughProxy === true,
      usePubSubRestApi: deployment.usePubSubRestApi !== false,
    },
    proxy: {
      protocol: oneOf(proxy.protocol, ['http', 'https'] as const),
      host: text(proxy.host),
      port: typeof proxy.port === 'number' ? String(proxy.port) : text(proxy.port, 32),
      verifyCertificate: proxy.verifyCertificate !== false,
      customCa: text(proxy.customCa, MAX_CA),
      customCaExpected: proxy.customCaExpected === true,
    },
    excludedDomains: Array.isArray(root.excludedDomains)
      ? root.excludedDomains
          .filter((entry): entry is string => typeof entry === 'string')
          .slice(0, MAX_LIST)
          .map((entry) => entry.slice(0, MAX_TEXT))
      : [],
    warehouses: idList<WarehouseId>(root.warehouses),
    services: idList<ServiceId>(root.services),
  };
}

/** The port as the schema reads it: empty → missing, digits → a number, anything else as typed (so the schema explains it). */
export function portInput(port: string): number | string | undefined {
  const trimmed = port.trim();
  if (trimmed === '') return undefined;
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

export function draftsEqual(a: Draft, b: Draft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether the user has answered anything yet (a share link then asks before replacing the draft). */
export function hasAnswers(draft: Draft): boolean {
  return !draftsEqual(normalizeDraft(draft), EMPTY_DRAFT);
}

/** A custom CA the share link's sender used is still to be pasted (HTTPS proxies only). */
export function customCaMissing(draft: Draft): boolean {
  return (
    draft.proxy.protocol === 'https' &&
    draft.proxy.customCaExpected &&
    draft.proxy.customCa.trim() === ''
  );
}
