/** Small fact bases that tests write: one Ruritanian summit in March 2023, and the article's text. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFactBaseYaml } from '../../server/src/core/facts/parse';
import { compileKnowledge, type Knowledge } from '../../server/src/core/match/knowledge';
import { loadBuiltinFactBase, loadGazetteer } from '../../server/src/node/factFiles';

/** The full text of the built-in source, as the package ships it. */
export const ARTICLE = readFileSync(join(__dirname, '..', '..', 'facts', 'frassineti2022.txt'), 'utf8');

export interface SummitBase {
  key: string;
  title: string;
  quote: string;
  paragraph: number;
  /** Further `source:` lines (`url: …`, `published: …`), indented as the YAML needs. */
  sourceLines?: string[];
}

/** A fact base with one fact, the Ruritanian summit in March 2023, and its own actor. */
export function summitFactBase(base: SummitBase): string {
  return `
source:
  key: ${base.key}
  title: ${base.title}
  authors: [A. Writer]
  year: 2023
${(base.sourceLines ?? []).map((line) => `  ${line}\n`).join('')}facts:
  - id: ${base.key.replace(/\d+$/, '')}-summit
    claim: The Ruritanian summit took place in March 2023.
    quote: ${base.quote}
    locator: { paragraph: ${base.paragraph} }
    actors: [ruritania]
    event:
      label: the Ruritanian summit
      terms:
        - [summit*]
    values:
      - { kind: date, value: 2023-03, text: March 2023 }
actors:
  - { id: ruritania, kind: country, name: Ruritania, aliases: { name: [Ruritania], adjective: [Ruritanian] } }
`;
}

/** The plain small source: @small2023, paragraph 1. */
export function smallFactBase(sourceLines: string[] = []): string {
  return summitFactBase({ key: 'small2023', title: 'A small test source', quote: 'The summit took place in March 2023.', paragraph: 1, sourceLines });
}

/** A source whose title, URL and quote hold Markdown and HTML that hovers and completions must escape. */
export const ODD_FACT_BASE = summitFactBase({
  key: 'odd2023',
  title: '"Odd *title* <b>x</b>"',
  quote: '"The *summit* took place in March 2023 <img src=x> [link](http://evil) _here_."',
  paragraph: 3,
  sourceLines: ['url: https://example.org/odd?a=1&b=2'],
});

/** Knowledge compiled from one fact base text alone. */
export function knowledgeOf(yaml: string, file = 'test.yaml'): Knowledge {
  return compileKnowledge([parseFactBaseYaml(yaml, file).base!], loadGazetteer());
}

/** The built-in fact base and `yaml` side by side, with the article's text. */
export function withBuiltin(yaml: string): Knowledge {
  return compileKnowledge([loadBuiltinFactBase(), parseFactBaseYaml(yaml, 'small.yaml').base!], loadGazetteer(), new Map([['frassineti2022', ARTICLE]]));
}
