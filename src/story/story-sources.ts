/**
 * The story's own source ledger, `geo/sources.json`, bundled with the code that validates the files citing it, so
 * that every feature, event and figure resolves its source ids with no extra request (and no extra way to fail).
 */
import ledgerJson from '../../geo/sources.json';
import { parseSourceLedger, type SourceLedger } from './sources';

let ledger: SourceLedger | undefined;

/** The parsed ledger, parsed once on first use (not at import, which would run inside the parse-story import cycle). */
export function storySources(): SourceLedger {
  ledger ??= parseSourceLedger('geo/sources.json', ledgerJson).sources;
  return ledger;
}
