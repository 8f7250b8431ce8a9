/** Command ids, as contributed in package.json. */
export const COMMANDS = {
  recheckWorkspace: 'policyFactCheck.recheckWorkspace',
  openBuiltInFactBase: 'policyFactCheck.openBuiltInFactBase',
  insertCitation: 'policyFactCheck.insertCitation',
  showProblems: 'policyFactCheck.showProblems',
} as const;
