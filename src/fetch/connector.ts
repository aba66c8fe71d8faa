// The HTTP agent that checks the address it actually connects to. The guard runs inside the
// socket's DNS lookup (so the address checked is the address connected: no gap for DNS rebinding
// between a check and the connection) and once more on the connected socket's peer address
// (which also covers IP literals, for which Node does no lookup).

import type { LookupAddress, LookupOptions } from 'node:dns';
import dns from 'node:dns';
import type { Socket } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { type ForbiddenReason, ipLiteral } from './address-guard.js';
import type { AddressPolicy, ResolvedAddress, Resolver } from './types.js';

/** The error the guard raises inside a connection attempt; the fetcher turns it into `fetch.forbidden-address`. */
export class ForbiddenAddressError extends Error {
  readonly code = 'MARSAD_FORBIDDEN_ADDRESS';
  constructor(
    readonly hostname: string,
    readonly address: string,
    readonly reason: ForbiddenReason,
  ) {
    super(`${hostname} → ${address}: forbidden (${reason})`);
    this.name = 'ForbiddenAddressError';
  }
}

/** The system resolver: every address of `hostname`, in the order the system gives them. */
export const systemResolver: Resolver = async (hostname) => {
  const found = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

export interface AgentOptions {
  connectTimeoutMs: number;
  lookup: Resolver;
  /** null: allow every address (--allow-private). */
  guard: AddressPolicy | null;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * An undici Agent whose connections pass the guard.
 *
 * @example const agent = createGuardedAgent({ connectTimeoutMs: 10_000, lookup: systemResolver, guard: (ip) => classifyAddress(ip) });
 */
export function createGuardedAgent(options: AgentOptions): Agent {
  const { guard } = options;

  // Node calls this for every connection to a name (not for IP literals); with `all` it wants
  // every address (Happy Eyeballs), otherwise one. A name with any forbidden address is refused
  // as a whole: a public site does not publish private addresses.
  function lookup(hostname: string, lookupOptions: LookupOptions, callback: LookupCallback): void {
    options.lookup(hostname).then(
      (found) => {
        const family = lookupOptions.family;
        const wanted: ResolvedAddress[] =
          family === 4 || family === 6 ? found.filter((a) => a.family === family) : found;
        if (wanted.length === 0) {
          const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
          error.code = 'ENOTFOUND';
          return callback(error, '');
        }
        if (guard) {
          for (const a of wanted) {
            const reason = guard(a.address, hostname);
            if (reason) return callback(new ForbiddenAddressError(hostname, a.address, reason), '');
          }
        }
        if (lookupOptions.all) return callback(null, wanted);
        callback(null, wanted[0].address, wanted[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  }

  const connectBase = buildConnector({ timeout: options.connectTimeoutMs, lookup });
  const connect: buildConnector.connector = (connectOptions, callback) => {
    connectBase(connectOptions, (error, socket) => {
      if (error || !socket) return callback(error ?? new Error('no socket'), null);
      if (!guard) return callback(null, socket);
      const peer = (socket as Socket).remoteAddress;
      const hostname = ipLiteral(connectOptions.hostname) ?? connectOptions.hostname;
      const reason = peer ? guard(peer, hostname) : 'invalid';
      if (reason) {
        socket.destroy();
        return callback(new ForbiddenAddressError(hostname, peer ?? '(no address)', reason), null);
      }
      callback(null, socket);
    });
  };

  return new Agent({ connect });
}
