/**
 * Sentence ↔ fact matching, end to end through checkDocument on small Markdown strings: every fact
 * of the built-in base is recognised in a paraphrase, and flagged when a value is wrong.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { displayValue } from '../../server/src/core/match/report';
import { applyFix, builtinKnowledge, claims, contradictions, fact, findings } from '../helpers/knowledge';

interface Case {
  id: string;
  /** A paraphrase that agrees with the source. */
  right: string;
  /** The same claim with one wrong value. */
  wrong: string;
  /** The wrong value as written, and which of the fact's values it contradicts. */
  phrase: string;
  role: number;
  /** The preferred fix. */
  fix: string;
}

const CASES: Case[] = [
  { id: 'missile-testing-since-2022', right: 'Since the start of 2022, North Korea has ramped up its missile testing.', wrong: 'Since the start of 2021, North Korea has ramped up its missile testing.', phrase: 'the start of 2021', role: 0, fix: 'the start of 2022' },
  { id: 'missile-launches-early-november', right: 'In early November, North Korea fired a barrage of missiles.', wrong: 'In early November 2021, North Korea fired a barrage of missiles.', phrase: 'early November 2021', role: 0, fix: 'early November 2022' },
  { id: 'five-year-plan-eighth-congress', right: "Kim Jong-un's five-year military plan was unveiled at the 8th Workers' Party Congress in January 2021.", wrong: "Kim Jong-un's five-year military plan was unveiled at the 7th Workers' Party Congress in January 2021.", phrase: '7th', role: 1, fix: '8th' },
  { id: 'five-year-plan-eighth-congress', right: 'The five-year plan was presented to the Eighth Party Congress in January 2021.', wrong: "Kim Jong-un's five-year military plan was unveiled at the 8th Workers' Party Congress in January 2020.", phrase: 'January 2020', role: 2, fix: 'January 2021' },
  { id: 'five-year-plan-eighth-congress', right: "Kim Jong-un's military plan, a five-year plan, dates from the 8th Party Congress.", wrong: "Kim Jong-un's four-year military plan was unveiled at the 8th Workers' Party Congress in January 2021.", phrase: 'four-year', role: 0, fix: 'five-year' },
  { id: 'talks-collapse-october-2019', right: 'Talks between North Korea and the United States collapsed in October 2019.', wrong: 'Talks between North Korea and the United States broke down in October 2018.', phrase: 'October 2018', role: 0, fix: 'October 2019' },
  { id: 'recognition-breakaway-republics', right: 'On 14 July 2022, Pyongyang recognised the Russia-controlled breakaway republics in Eastern Ukraine.', wrong: 'On 14 June, Pyongyang recognised the Russia-controlled breakaway republics in Eastern Ukraine.', phrase: '14 June', role: 0, fix: '14 July' },
  { id: 'unga-vote-annexation', right: "On 12 October, North Korea was among the four countries that voted against the UN General Assembly resolution condemning Russia's annexation of four Ukrainian regions.", wrong: "On 12 October, North Korea was one of five countries that voted against the UN General Assembly resolution condemning Russia's annexation of four Ukrainian regions.", phrase: 'five', role: 1, fix: 'four' },
  { id: 'unga-vote-annexation', right: 'North Korea voted against the UN General Assembly resolution condemning the annexation of four Ukrainian regions.', wrong: "On 12 October, North Korea abstained on the UN General Assembly resolution condemning Russia's annexation of four Ukrainian regions.", phrase: 'abstained on', role: 2, fix: 'voted against' },
  { id: 'unga-vote-annexation', right: 'On 12 October, North Korea opposed the UN resolution condemning the annexation of Ukrainian regions.', wrong: "On 12 November, North Korea voted against the UN General Assembly resolution condemning Russia's annexation of four Ukrainian regions.", phrase: '12 November', role: 0, fix: '12 October' },
  { id: 'unga-vote-annexation', right: 'North Korea voted against the UN resolution condemning the annexation of four Ukrainian regions.', wrong: 'North Korea voted against the UN resolution condemning the annexation of three Ukrainian regions.', phrase: 'three', role: 3, fix: 'four' },
  { id: 'taiwan-interference-early-august', right: 'In early August, North Korea denounced US interference in Taiwan.', wrong: 'In late September, North Korea denounced US interference in Taiwan.', phrase: 'late September', role: 0, fix: 'early August' },
  { id: 'legitimacy-since-2013', right: 'Since 2013, Kim has sought domestic legitimacy by bolstering military and nuclear capabilities while accelerating economic development.', wrong: 'Since 2011, Kim has sought domestic legitimacy by bolstering military and nuclear capabilities while accelerating economic development.', phrase: '2011', role: 0, fix: '2013' },
  { id: 'nuclear-force-strategic-line-2018', right: 'In 2018, Kim declared the completion of the state nuclear force.', wrong: 'In 2017, Kim declared the completion of the state nuclear force.', phrase: '2017', role: 0, fix: '2018' },
  { id: 'border-closure-january-2020', right: "North Korea's self-imposed border closure began in January 2020.", wrong: "North Korea's self-imposed border closure began in March 2020.", phrase: 'March 2020', role: 0, fix: 'January 2020' },
  { id: 'worst-downturn-25-years', right: 'North Korea suffered its worst economic downturn in more than two decades.', wrong: 'North Korea suffered its worst economic downturn in over 30 years.', phrase: 'over 30 years', role: 0, fix: 'over 25 years' },
  { id: 'officials-criticised-late-2020', right: 'From late 2020, Kim publicly criticised government officials.', wrong: 'From early 2019, Kim publicly criticised government officials.', phrase: 'early 2019', role: 0, fix: 'late 2020' },
  { id: 'covid-victory-10-august-2022', right: 'On 10 August 2022, Kim declared victory over the pandemic.', wrong: 'On 10 August 2021, Kim announced victory over COVID-19.', phrase: '10 August 2021', role: 0, fix: '10 August 2022' },
  { id: 'border-controls-review-10-august-2022', right: 'On 10 August 2022, Kim announced a review of border controls.', wrong: 'On 10 September 2022, Kim announced a review of border controls.', phrase: '10 September 2022', role: 0, fix: '10 August 2022' },
  { id: 'soviet-relations-south-korea-1990', right: 'The Soviet Union established diplomatic relations with South Korea in 1990.', wrong: 'The Soviet Union established diplomatic relations with South Korea in 1991.', phrase: '1991', role: 0, fix: '1990' },
  { id: 'china-relations-south-korea-1992', right: 'China normalised relations with South Korea in 1992.', wrong: 'China established diplomatic relations with South Korea in 1993.', phrase: '1993', role: 0, fix: '1992' },
  { id: 'russia-relations-past-decade', right: "North Korea's relations with Russia have improved over the past decade.", wrong: "North Korea's relations with Russia have improved over the past two decades.", phrase: 'two decades', role: 0, fix: 'decade' },
  { id: 'debt-write-off-2014', right: "In 2014, the Russian parliament wrote off 90 per cent of North Korea's Soviet-era debt, worth over US$10 billion.", wrong: "In 2014, the Russian parliament wrote off 80 per cent of North Korea's Soviet-era debt.", phrase: '80 per cent', role: 1, fix: '90 per cent' },
  { id: 'debt-write-off-2014', right: "The Duma forgave 90% of North Korea's Soviet-era debt in 2014.", wrong: "In 2015, the Russian parliament wrote off 90 per cent of North Korea's Soviet-era debt.", phrase: '2015', role: 0, fix: '2014' },
  { id: 'debt-write-off-2014', right: "In 2014, Russian lawmakers wrote off North Korea's Soviet-era debt of more than $10 billion.", wrong: "In 2014, the Russian parliament wrote off 90 per cent of North Korea's Soviet-era debt, worth roughly US$1 billion.", phrase: 'roughly US$1 billion', role: 2, fix: 'over US$10 billion' },
  { id: 'far-east-minister-visit-2014', right: 'In 2014, the Russian Minister for Far Eastern Development visited North Korea.', wrong: 'In 2015, the Russian Minister for Far Eastern Development visited North Korea.', phrase: '2015', role: 0, fix: '2014' },
  { id: 'kim-putin-meeting-2019', right: 'In 2019, Kim met Russian President Vladimir Putin.', wrong: 'In 2018, Kim met Russian President Vladimir Putin.', phrase: '2018', role: 0, fix: '2019' },
  { id: 'xi-state-visit-2019', right: "Xi Jinping's state visit to North Korea in 2019 marked improved ties.", wrong: 'Xi Jinping made a state visit to North Korea in 2018.', phrase: '2018', role: 0, fix: '2019' },
  { id: 'treaty-anniversary-july-2021', right: 'The 60th anniversary of the Sino-DPRK Treaty on Friendship fell in July 2021.', wrong: 'The 61st anniversary of the Sino-DPRK Treaty on Friendship fell in July 2021.', phrase: '61st', role: 0, fix: '60th' },
  { id: 'treaty-anniversary-july-2021', right: 'The sixtieth anniversary of the friendship treaty with China came in July 2021.', wrong: 'The 60th anniversary of the Sino-DPRK Treaty on Friendship fell in July 2020.', phrase: 'July 2020', role: 1, fix: 'July 2021' },
  { id: 'seventh-nuclear-test', right: 'North Korea may soon conduct a long-speculated seventh nuclear test.', wrong: 'North Korea may soon conduct a long-speculated eighth nuclear test.', phrase: 'eighth', role: 0, fix: 'seventh' },
];

describe('matching: every built-in fact', () => {
  it('has at least one case per fact', () => {
    const covered = new Set(CASES.map((c) => c.id));
    for (const f of builtinKnowledge().facts) assert.ok(covered.has(f.id), `no case for ${f.id}`);
  });

  for (const c of CASES) {
    it(`${c.id}: supports "${c.right}"`, () => {
      assert.deepEqual(contradictions(c.right).map((f) => f.message), []);
      const matched = claims(c.right).filter((cl) => cl.factId === c.id);
      assert.equal(matched.length, 1, `the sentence is matched to ${c.id}: ${JSON.stringify(claims(c.right))}`);
      assert.equal(matched[0]!.verdict, 'supported');
    });

    it(`${c.id}: flags "${c.phrase}" in "${c.wrong}"`, () => {
      const found = contradictions(c.wrong);
      assert.equal(found.length, 1, JSON.stringify(found.map((f) => f.message)));
      const [finding] = found;
      const value = fact(c.id).values[c.role]!;
      const quote = (s: string) => (value.value.kind === 'vote' ? `“${s}”` : s);
      assert.equal(finding!.factId, c.id);
      assert.equal(finding!.covered, c.phrase);
      assert.equal(finding!.message, `The source gives ${quote(displayValue(value))} for ${value.about}, not ${quote(c.phrase)}.`);
      assert.equal(finding!.finding.sourceValue, displayValue(value));
      assert.equal(finding!.fixes[0], c.fix);
      assert.match(finding!.finding.fixes[0]!.title, new RegExp(`\\(${fact(c.id).sourceKey}, para\\. ${fact(c.id).paragraph}\\)$`));
      // The fixed sentence is supported.
      const fixed = applyFix(c.wrong, finding!.finding.fixes[0]!);
      assert.deepEqual(contradictions(fixed).map((f) => f.message), [], `after the fix: ${fixed}`);
      const claim = claims(c.wrong).find((cl) => cl.factId === c.id)!;
      assert.equal(claim.verdict, 'contradicted');
    });
  }
});

describe('matching: messages and fixes, verbatim', () => {
  it('names the source value, the event and the wrong value', () => {
    const [f] = contradictions('On 14 June, Pyongyang recognised the Russia-controlled breakaway republics in Eastern Ukraine.');
    assert.equal(f!.message, 'The source gives 14 July (2022) for North Korea’s recognition of the breakaway republics, not 14 June.');
    assert.equal(f!.factId, 'recognition-breakaway-republics');
    assert.deepEqual(f!.fixes, ['14 July']);
    assert.equal(f!.finding.fixes[0]!.title, 'Change to “14 July” (frassineti2022, para. 4)');
  });

  it('offers the source’s own words as a second fix when they differ from the rendered value', () => {
    const [f] = contradictions('North Korea suffered its worst economic downturn in two decades.');
    assert.equal(f!.covered, 'two decades');
    assert.equal(f!.fixes[f!.fixes.length - 1], 'over 25 years');
    assert.equal(new Set(f!.fixes).size, f!.fixes.length, 'fixes are distinct');
  });
});

describe('matching: unrelated sentences with numbers', () => {
  const unrelated = [
    'North Korea conducted its sixth nuclear test in September 2017.',
    "South Korea's National Assembly has 300 seats.",
    'Kim met Putin again in September 2023.',
    'The Korean War armistice was signed on 27 July 1953.',
    "Japan's defence budget rose by 26 per cent in 2023.",
    'In 2014, Russia wrote off 90 per cent of Cuba’s Soviet-era debt.',
    'The Six-Party Talks first convened in Beijing in August 2003.',
    'The UN Security Council adopted Resolution 2397 in December 2017.',
    'In March 2022, the General Assembly voted 141 to 5 to demand that Russia withdraw from Ukraine.',
    'The 1961 treaty between China and North Korea was renewed in 1981 and 2001.',
    'Kim Jong-un became leader in December 2011, aged 27.',
    'The Treaty on the Non-Proliferation of Nuclear Weapons entered into force in 1970.',
    'In 2018, Kim Jong-un met Xi Jinping three times in China.',
    'The Hwasong-17 flew for 69 minutes on 24 March.',
    'Trump and Kim met in Hanoi in February 2019, and talks collapsed.',
  ];
  for (const sentence of unrelated) {
    it(`never contradicts: ${sentence}`, () => {
      assert.deepEqual(contradictions(sentence).map((f) => f.message), []);
    });
  }
});

describe('matching: known bugs', () => {
  it('flags the second of two facts stated in one sentence (China in 1993)', () => {
    const found = contradictions('The Soviet Union established relations with South Korea in 1990, and China followed in 1993.');
    assert.deepEqual(found.map((f) => [f.factId, f.covered, f.fixes[0]]), [['china-relations-south-korea-1992', '1993', '1992']]);
  });

  it('does not read a value of the sentence after a footnote reference into the sentence before', () => {
    const text = 'North Korea recognised the breakaway republics.[^1] A new trade office opened on 14 June.\n\n[^1]: East Asia Forum.\n';
    assert.deepEqual(contradictions(text).map((f) => f.message), []);
  });

  it('does not match a sentence that lacks one of the event’s term groups to the event', () => {
    assert.deepEqual(contradictions("In 2015, 90 per cent of North Korea's debt was owed to Russia.").map((f) => f.message), []);
    const text = 'From late 2020, Kim publicly criticised officials, and on 10 August 2022 he announced victory over COVID-19.';
    assert.ok(!claims(text).some((c) => c.factId === 'taiwan-interference-early-august'), 'a sentence without Taiwan is not about the Taiwan statement');
  });
});

describe('matching: negation', () => {
  it('flags a negated event and offers the source’s affirmative words', () => {
    const text = 'North Korea did not recognise the breakaway republics.';
    const found = contradictions(text);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.factId, 'recognition-breakaway-republics');
    assert.equal(found[0]!.covered, 'did not recognise');
    assert.match(found[0]!.message, /^The source says the opposite: North Korea recognised the Russia-controlled breakaway republics/);
    assert.deepEqual(found[0]!.fixes, ['recognised']);
    assert.equal(applyFix(text, found[0]!.finding.fixes[0]!), 'North Korea recognised the breakaway republics.');
  });

  it('flags never and contractions', () => {
    const never = contradictions('Pyongyang never recognised the Russian-backed republics in the Donbas.');
    assert.equal(never.length, 1);
    assert.equal(never[0]!.covered, 'never recognised');
    const didnt = contradictions("In 2014, the Russian parliament didn't write off North Korea's debt.");
    assert.equal(didnt.length, 1);
    assert.equal(didnt[0]!.factId, 'debt-write-off-2014');
    assert.equal(applyFix("In 2014, the Russian parliament didn't write off North Korea's debt.", didnt[0]!.finding.fixes[0]!), "In 2014, the Russian parliament wrote off North Korea's debt.");
  });

  it('does not flag "not … until", which affirms the event', () => {
    assert.deepEqual(contradictions('North Korea did not recognise the breakaway republics until 14 July.').map((f) => f.message), []);
  });
});

describe('matching: wrong actor', () => {
  it('flags another actor given the event, at the actor’s name, with a fix naming the source’s actor', () => {
    const text = "In 2014, the Chinese parliament wrote off 90 per cent of North Korea's Soviet-era debt.";
    const found = contradictions(text);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.factId, 'debt-write-off-2014');
    assert.equal(found[0]!.covered, 'Chinese parliament');
    assert.equal(found[0]!.message, 'The source attributes the write-off of North Korea’s Soviet-era debt to the Russian parliament, not to Chinese parliament.');
    assert.deepEqual(found[0]!.fixes, ['Russian parliament']);
    const fixed = applyFix(text, found[0]!.finding.fixes[0]!);
    assert.equal(fixed, "In 2014, the Russian parliament wrote off 90 per cent of North Korea's Soviet-era debt.");
    assert.deepEqual(contradictions(fixed), []);
  });

  it('does not flag an actor that the sentence also names in the source’s role', () => {
    assert.deepEqual(contradictions("In 2014, the Russian parliament wrote off 90 per cent of North Korea's Soviet-era debt, as China looked on.").map((f) => f.message), []);
  });
});

describe('matching: tables', () => {
  it('reads a table row with its header as one claim', () => {
    const text = '| Event | Date |\n|---|---|\n| North Korea recognises the breakaway republics | 14 June 2022 |\n';
    const found = contradictions(text);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.factId, 'recognition-breakaway-republics');
    assert.equal(found[0]!.covered, '14 June 2022');
    assert.equal(found[0]!.fixes[0], '14 July 2022');
    const [claim] = claims(text);
    assert.equal(claim!.sentence, 'North Korea recognises the breakaway republics | 14 June 2022');
  });

  it('supports a correct table row and checks each row on its own', () => {
    const text = '| Event | Date |\n|---|---|\n| Kim announces victory over COVID-19 | 10 August 2022 |\n| Self-imposed border closure | January 2021 |\n';
    const found = contradictions(text);
    assert.deepEqual(found.map((f) => [f.factId, f.covered, f.fixes[0]]), [['border-closure-january-2020', 'January 2021', 'January 2020']]);
    assert.deepEqual(claims(text).map((c) => [c.factId, c.verdict]), [['covid-victory-10-august-2022', 'supported'], ['border-closure-january-2020', 'contradicted']]);
  });
});

describe('matching: a table header’s event', () => {
  it('checks a row that names no event of its own against the header’s event', () => {
    const text = '| North Korea’s denunciation of US interference in Taiwan | |\n|---|---|\n| Date | 14 July |\n';
    assert.deepEqual(contradictions(text).map((f) => [f.factId, f.covered, f.fixes[0]]), [['taiwan-interference-early-august', '14 July', 'early August']]);
  });

  it('does not hold a row that names its own event to the header’s event', () => {
    const text = '| In early August, North Korea denounced US interference in Taiwan. | Date |\n|---|---|\n| On 14 July, Pyongyang recognised the breakaway republics in Eastern Ukraine. | 14 July |\n';
    assert.deepEqual(contradictions(text).map((f) => [f.factId, f.covered]), []);
    assert.ok(claims(text).some((c) => c.factId === 'recognition-breakaway-republics' && c.verdict === 'supported'));
  });
});

describe('matching: pronouns refer to the previous sentence’s actor', () => {
  it('gives "it" the actor of an earlier sentence of the paragraph', () => {
    const text = 'North Korea has courted Moscow. On 14 June, it recognised the breakaway republics in Eastern Ukraine.';
    const found = contradictions(text);
    assert.deepEqual(found.map((f) => [f.factId, f.covered]), [['recognition-breakaway-republics', '14 June']]);
  });
});

describe('matching: what is never checked', () => {
  it('returns no finding for text outside prose', () => {
    for (const text of [
      '```\nOn 14 June, Pyongyang recognised the breakaway republics.\n```\n',
      '    On 14 June, Pyongyang recognised the breakaway republics.\n',
      'Run `On 14 June, Pyongyang recognised the breakaway republics.` to see.\n',
      '<!-- On 14 June, Pyongyang recognised the breakaway republics. -->\n',
      '<div>\nOn 14 June, Pyongyang recognised the breakaway republics.\n</div>\n',
      '---\ntitle: On 14 June, Pyongyang recognised the breakaway republics.\n---\nBody.\n',
      'See [the report](https://example.org/On-14-June-Pyongyang-recognised-the-breakaway-republics "On 14 June, Pyongyang recognised the breakaway republics").\n',
      'See <https://example.org/?q=On+14+June+Pyongyang+recognised+the+breakaway+republics>.\n',
      '![On 14 June, Pyongyang recognised the breakaway republics](chart.png)\n',
    ]) assert.deepEqual(findings(text).map((f) => f.message), [], text);
  });
});
