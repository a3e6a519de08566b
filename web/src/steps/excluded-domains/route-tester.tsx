/**
 * "Would this URL be proxied?": the answer of each client family CARTO's components use, for the
 * current excluded domains. Clients read NO_PROXY differently (leading dots, wildcards, CIDR, ports);
 * this shows where they disagree before it bites. The summary counts them; which client does what
 * is behind "Why?" (issue 21, item 7).
 */
import { CLIENTS, routesFor } from '@wizard/shared';
import { useId, useState } from 'react';
import { Why } from '../../components/why.tsx';

export function RouteTester({ entries }: { entries: string[] }) {
  const id = useId();
  const [target, setTarget] = useState('');
  const routes = target.trim() === '' ? undefined : routesFor(entries, target);
  const direct = routes ? CLIENTS.filter((c) => routes[c.id] === 'direct') : [];
  const summary = !routes
    ? target.trim() === ''
      ? undefined
      : 'Enter a URL (https://git.corp.example/x) or a host with an optional port (db.corp.example:5432).'
    : direct.length === CLIENTS.length
      ? 'Every client connects directly.'
      : direct.length === 0
        ? 'Every client goes through the proxy.'
        : `Clients disagree: ${direct.length} of ${CLIENTS.length} connect directly, the others use the proxy.`;

  return (
    <section className="tester" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="subheading">
        Would this URL go through the proxy?
      </h3>
      <div className="field">
        <label htmlFor={id} className="field__label">
          URL or host to test
        </label>
        <p id={`${id}-hint`} className="field__hint">
          Checked against the list above, as each client family CARTO uses reads it. Not saved.
        </p>
        <input
          id={id}
          className="input input--medium"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          placeholder="https://git.corp.example"
          aria-describedby={`${id}-hint ${id}-summary`}
          value={target}
          onChange={(event) => setTarget(event.target.value)}
          onKeyDown={(event) => {
            // Enter here tests the URL; it must not submit the step.
            if (event.key === 'Enter') event.preventDefault();
          }}
        />
      </div>
      <p
        id={`${id}-summary`}
        role="status"
        className={
          routes && direct.length > 0 && direct.length < CLIENTS.length
            ? 'tester__summary tester__summary--split'
            : 'tester__summary'
        }
      >
        {summary}
      </p>
      {routes && (
        <Why label="Why? Each client’s route">
          <table className="tester__table">
            <caption className="visually-hidden">Route per client for {target.trim()}</caption>
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Route</th>
              </tr>
            </thead>
            <tbody>
              {CLIENTS.map((client) => (
                <tr key={client.id}>
                  <th scope="row" title={client.versions}>
                    {client.label}
                  </th>
                  <td className={routes[client.id] === 'direct' ? 'route route--direct' : 'route'}>
                    {routes[client.id] === 'direct' ? 'Direct' : 'Through the proxy'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Why>
      )}
    </section>
  );
}
