// The fetch stage's only door: the polite HTTP client and the address guard.
export {
  classifyAddress,
  describeForbidden,
  type ForbiddenReason,
  isForbiddenAddress,
} from './address-guard.js';
export { createFetcher, defaultUserAgent, isAcceptableContentType } from './fetcher.js';
export type {
  AddressPolicy,
  FetchedPage,
  Fetcher,
  FetcherOptions,
  FetchOptions,
  ResolvedAddress,
  Resolver,
  RobotsVerdict,
} from './types.js';
