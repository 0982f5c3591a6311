/**
 * The story's claims, `geo/claims.json`, parsed against the source ledger. Imported only by the lazily loaded Sources
 * view and the popups' claims block, so it is not part of the first view.
 */
import claimsJson from '../../geo/claims.json';
import { type Claim, parseClaims } from './claims';
import { storySources } from './story-sources';

let claims: Claim[] | undefined;

/** The valid claims (the unit tests check the file against the features and events too). */
export function storyClaims(): Claim[] {
  claims ??= parseClaims('geo/claims.json', claimsJson, { sources: storySources() }).claims;
  return claims;
}
