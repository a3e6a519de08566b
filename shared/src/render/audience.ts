/**
 * Who each output file is for (issue 21, item 9): the Review step groups the files by audience, each
 * group with its own download, so "what now?" is answered by who acts on what.
 */
export type Audience = 'you' | 'proxy-admin' | 'network-team';

const BY_NAME: Record<string, Audience> = {
  'proxy-allowlist.txt': 'proxy-admin',
  'squid-allowlist.conf': 'proxy-admin',
  'egress-rules.md': 'network-team',
};

/** Everything not for the proxy admin or the network team is applied by the person installing. */
export function fileAudience(name: string): Audience {
  return BY_NAME[name] ?? 'you';
}

export const AUDIENCE_LABELS: Record<Audience, { title: string; zip: string }> = {
  you: { title: 'For you, to apply and check', zip: 'carto-proxy-install' },
  'proxy-admin': { title: 'For your proxy admin', zip: 'carto-proxy-admin' },
  'network-team': { title: 'For your network team', zip: 'carto-proxy-network-team' },
};
