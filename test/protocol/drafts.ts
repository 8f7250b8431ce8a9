/** Drafts the protocol tests open, with values that agree or disagree with the built-in fact base. */

/** Wrong: the source says 14 July. */
/** Contradicts norway-ratification of @doe2023 in test/fixtures/factbases/arms-control.yaml (the source says 17 May). */
export const ARMS_WRONG = 'On 17 June, Norway ratified the Oslo Drone Accord.';
export const RECOGNITION_WRONG = 'On 14 June, Pyongyang recognised the Russia-controlled breakaway republics in Eastern Ukraine.';

/**
 * The same sentence after an accented letter, a flag (two astral code points: 4 UTF-16 units) and an
 * emoji (one astral code point: 2 units): "14 June" starts at UTF-16 column 23, code point column 20.
 */
export const UTF16_PREFIX = 'Café notes 🇰🇵🎉 — ';
export const UTF16_LINE = `${UTF16_PREFIX}${RECOGNITION_WRONG}`;
export const VALUE_COLUMN_UTF16 = 23;
export const VALUE_COLUMN_CODE_POINTS = 20;

/** Wrong: the source says 90 per cent. */
export const DEBT_WRONG = "In 2014, the Russian parliament wrote off 80 per cent of North Korea's Soviet-era debt, worth over US$10 billion.";

/** Wrong: the source says four countries. */
export const VOTE_WRONG = "On 12 October, North Korea was one of five countries that voted against the UN General Assembly resolution condemning Russia's attempted annexation of four Ukrainian regions.";

export const NO_CLAIM = 'The weather was fine today.';

/** Three contradictions: line 2 "14 June", line 6 "80 per cent", line 8 "five". */
export const THREE_WRONG = `# Briefing

${UTF16_LINE}

${NO_CLAIM}

${DEBT_WRONG}

${VOTE_WRONG}
`;

/** One contradiction, on line 0. */
export const ONE_WRONG = `${UTF16_LINE}\n\n${NO_CLAIM}\n`;

/** The fact of the recognition sentence, as the built-in fact base has it. */
export const RECOGNITION_FACT = 'recognition-breakaway-republics';
export const RECOGNITION_QUOTE = 'On 14 July, Pyongyang recognised Russia-controlled breakaway republics in Eastern Ukraine.';
export const DEBT_QUOTE = 'In 2014, the Russian parliament wrote off 90 per cent of North Korea’s Soviet-era debt, worth over US$10 billion.';

let counter = 0;
/** A fresh in-memory document URI (never read from disk). */
export function docUri(name: string): string {
  return `file:///protocol-test/${process.pid}/${counter++}-${name}.md`;
}

/** A small deterministic PRNG (mulberry32), so that "random" junk is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
