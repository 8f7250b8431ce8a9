import type { FindingCode } from './types';

/** What each finding code means: for SARIF rules, documentation and settings. */
export const FINDING_DESCRIPTIONS: Record<FindingCode, { name: string; short: string; full: string; level: 'error' | 'warning' | 'note' }> = {
  contradiction: {
    name: 'Contradiction',
    short: 'The source says otherwise.',
    full: 'A date, vote, figure, actor or assertion in the draft contradicts the fact base: the message gives the source’s value and the fix puts it in.',
    level: 'warning',
  },
  'unknown-citation': { name: 'UnknownCitation', short: 'No source has this citation key.', full: 'A citation key that no loaded fact base or configured bibliography knows.', level: 'warning' },
  'unsupported-citation': { name: 'UnsupportedCitation', short: 'The cited source does not make this claim.', full: 'The sentence cites a source for a date, vote or figure that the source does not state.', level: 'warning' },
  'wrong-locator': { name: 'WrongLocator', short: 'The claim is in another paragraph of the source.', full: 'The cited source makes the claim, but in another paragraph than the one cited.', level: 'note' },
  'uncited-claim': { name: 'UncitedClaim', short: 'A checkable claim without a citation.', full: 'A sentence that the fact base supports or contradicts, and that cites nothing.', level: 'note' },
  misquote: { name: 'Misquote', short: 'The quotation is not in the source.', full: 'Text in quotation marks attributed to a source does not appear verbatim in it.', level: 'warning' },
  'document-too-large': { name: 'DocumentTooLarge', short: 'The document was too large to check.', full: 'Documents over the configured size limit are not checked, to keep the editor responsive.', level: 'note' },
  'internal-error': { name: 'InternalError', short: 'The checker failed on this document.', full: 'An unexpected error stopped the check of this document; other documents are unaffected.', level: 'note' },
};
