/** Command ids, as contributed in package.json. */
export const COMMANDS = {
  recheckWorkspace: 'policyFactCheck.recheckWorkspace',
  openBuiltInFactBase: 'policyFactCheck.openBuiltInFactBase',
  insertCitation: 'policyFactCheck.insertCitation',
  showProblems: 'policyFactCheck.showProblems',
  updateReferences: 'policyFactCheck.updateReferences',
  /** The Facts view's own commands: title bar, context menu, and what selecting a fact runs (hidden from the palette). */
  factsRefresh: 'policyFactCheck.facts.refresh',
  factsInsertCitation: 'policyFactCheck.facts.insertCitation',
  factsReveal: 'policyFactCheck.facts.reveal',
  factsOpen: 'policyFactCheck.facts.open',
} as const;

/** The Facts view in the Explorer, and the context keys its `when` clauses read. */
export const FACTS_VIEW_ID = 'policyFactCheck.facts';
export const CONTEXT_ACTIVE = 'policyFactCheck.active';
/** What the Facts view shows: see FactsViewStatus. The welcome messages depend on it. */
export const CONTEXT_FACTS_VIEW = 'policyFactCheck.factsView';
