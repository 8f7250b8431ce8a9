#!/usr/bin/env node
// Deterministic generator of realistic Markdown policy drafts for the benchmarks.
//   node bench/generate.mjs [--out DIR]        writes draft-10kb.md, draft-100kb.md, draft-1mb.md
// Same seed, same bytes: the drafts only change when this file does.
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const OUT_DIR = join(here, '.out');

export const SIZES = [
  { name: '10kb', label: '10 KB', bytes: 10 * 1024, seed: 0x10cb },
  { name: '100kb', label: '100 KB', bytes: 100 * 1024, seed: 0x100cb },
  { name: '1mb', label: '1 MB', bytes: 1024 * 1024, seed: 0x1e6 },
];

/** mulberry32: small, fast, good enough for text generation. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const COUNTRIES = ['Germany', 'France', 'Japan', 'Canada', 'Australia', 'Brazil', 'India', 'Indonesia', 'Kenya', 'Nigeria',
  'Mexico', 'Poland', 'Sweden', 'Norway', 'Chile', 'Viet Nam', 'the Philippines', 'South Africa', 'Turkey', 'Italy',
  'Spain', 'the Netherlands', 'Finland', 'Estonia', 'Ghana', 'Egypt', 'Morocco', 'Argentina', 'Colombia', 'Thailand',
  'Malaysia', 'New Zealand', 'Ireland', 'Portugal', 'Greece', 'Romania', 'Ukraine', 'Kazakhstan', 'Mongolia', 'Singapore'];
const DEMONYMS = { Germany: 'German', France: 'French', Japan: 'Japanese', Canada: 'Canadian', Australia: 'Australian', Brazil: 'Brazilian',
  India: 'Indian', Indonesia: 'Indonesian', Kenya: 'Kenyan', Nigeria: 'Nigerian', Mexico: 'Mexican', Poland: 'Polish', Sweden: 'Swedish',
  Norway: 'Norwegian', Chile: 'Chilean', Italy: 'Italian', Spain: 'Spanish', Finland: 'Finnish', Estonia: 'Estonian', Ghana: 'Ghanaian' };
const CITIES = ['Geneva', 'Vienna', 'Nairobi', 'Jakarta', 'Brussels', 'Paris', 'Lima', 'Doha', 'Bali', 'Glasgow', 'Marrakesh', 'Kigali',
  'Montreal', 'Osaka', 'Helsinki', 'Bratislava', 'Santiago', 'Addis Ababa', 'Bangkok', 'Reykjavik'];
const MINISTRIES = ['defence', 'health', 'education', 'foreign aid', 'climate', 'transport', 'housing', 'research', 'digital',
  'agriculture', 'energy', 'social security', 'justice', 'public order'];
const TREATIES = ['Paris Agreement', 'Arms Trade Treaty', 'Treaty on the Prohibition of Nuclear Weapons', 'Kunming-Montreal Global Biodiversity Framework',
  'High Seas Treaty', 'Minamata Convention on Mercury', 'Ottawa Convention', 'Kigali Amendment', 'Aarhus Convention', 'Istanbul Convention',
  'Regional Comprehensive Economic Partnership', 'Comprehensive and Progressive Agreement for Trans-Pacific Partnership', 'Escazú Agreement'];
const BODIES = ['the Bundestag', 'the National Assembly', 'the Senate', 'the lower house', 'parliament', 'the Diet', 'the Sejm', 'the Riksdag',
  'the Storting', 'the Cortes Generales', 'the Folketing', 'the Eduskunta', 'the upper house', 'the finance committee'];
const PARTIES = ['the governing coalition', 'the centre-right alliance', 'the Social Democrats', 'the Greens', 'the Liberal Party',
  'the Labour Party', 'the opposition bloc', 'the Christian Democrats', 'the Conservative Party', 'an independent list'];
const AGENCIES = ['the IMF', 'the World Bank', 'the OECD', 'UNHCR', 'the WHO', 'the IEA', 'the FAO', 'the ILO', 'Eurostat', 'the central bank',
  'the national statistics office', 'the Asian Development Bank', 'the African Development Bank', 'UNICEF'];
const FUNDS = ['Green Climate Fund', 'Global Fund to Fight AIDS, Tuberculosis and Malaria', 'Loss and Damage Fund', 'Pandemic Fund',
  'Global Partnership for Education', 'Adaptation Fund', 'International Development Association', 'Central Emergency Response Fund'];
const SUMMITS = ['G20 summit', 'COP28 conference', 'NATO summit', 'UN General Assembly', 'ASEAN summit', 'African Union summit',
  'replenishment conference', 'Financing for Development forum', 'G7 leaders’ meeting', 'Summit of the Future'];
const PROGRAMMES = ['housing guarantee scheme', 'digital identity bill', 'energy price cap', 'defence procurement plan', 'child benefit reform',
  'carbon border levy', 'rail electrification programme', 'public sector pay settlement', 'pension indexation bill', 'broadband rollout'];
const INDICATORS = ['Inflation', 'Unemployment', 'Youth unemployment', 'The budget deficit', 'Public debt', 'The poverty rate',
  'Household saving', 'The current-account surplus', 'Electricity demand', 'Turnout'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const CURRENCIES = ['US$', '€', '£', '¥', 'A$', 'C$', 'CHF '];
const FILLER = [
  'Analysts remain divided on how durable the arrangement will prove.',
  'The ministry has not yet published a detailed breakdown.',
  'Officials described the talks as constructive but inconclusive.',
  'This section should be read alongside the annex on methodology.',
  'Civil society groups criticised the timetable as unrealistic.',
  'Implementation will depend on the next spending review.',
  'The committee asked for a fuller assessment of the distributional effects.',
  'Several delegations reserved their position pending domestic consultations.',
  'The evidence base here is thin, and the estimates should be treated with caution.',
  'We recommend that the department revisit these assumptions before publication.',
  'Regional partners have so far responded cautiously.',
  'The policy unit will circulate a revised draft after the consultation closes.',
  'Neither side has indicated a willingness to compromise on the core issues.',
  'It is too early to judge whether the measures will have the intended effect.',
];
const HEADINGS = ['Fiscal outlook', 'Defence spending trends', 'Treaty ratification status', 'Election results and coalition arithmetic',
  'Humanitarian funding', 'Energy security', 'Trade and investment', 'Climate finance', 'Sanctions and export controls',
  'Migration and displacement', 'Public health preparedness', 'Regional security dynamics', 'Digital policy', 'Labour market',
  'North Korea, Russia and China', 'Pyongyang’s diplomacy since 2022', 'Korean Peninsula: background', 'Recommendations', 'Open questions',
  'Annex: data sources', 'Methodology', 'Key risks'];

// ---------------------------------------------------------------------------------------------
// Sentences

/** Sentences about the events of the built-in source: [paragraph of the source, ...parts]; the first variant of each slot is correct. */
const ARTICLE = [
  [4, 'On ', ['14 July', '14 June', '4 July', '14 July 2022'], ', Pyongyang recognised the Russia-controlled breakaway republics in Eastern Ukraine.'],
  [4, 'North Korea recognised the breakaway republics in Eastern Ukraine on ', ['14 July 2022', '14 June 2022', '15 July 2022'], '.'],
  [4, 'On 12 October, North Korea was one of ', ['four', 'five', 'three', 'four'], ' countries that voted against the UN General Assembly resolution condemning Russia’s attempted annexation of four Ukrainian regions.'],
  [9, 'In 2014, the Russian parliament wrote off ', ['90 per cent', '80 per cent', '90%', '70 per cent'], ' of North Korea’s Soviet-era debt, worth over ', ['US$10 billion', 'US$12 billion', '$10 billion'], '.'],
  [9, 'Kim met Russian President Vladimir Putin in ', ['2019', '2018', '2019'], ' and committed to strengthening ties.'],
  [7, 'The self-imposed border closure of ', ['January 2020', 'January 2021', 'March 2020'], ' was a key factor in North Korea’s worst economic downturn in over ', ['25', '25', '20'], ' years.'],
  [7, 'On 10 August ', ['2022', '2021', '2022'], ', Kim announced victory over COVID-19 and a re-examination of border controls.'],
  [10, 'Xi Jinping’s state visit to North Korea in ', ['2019', '2018'], ' marked improved personal ties between the two leaders.'],
  [3, 'Talks with Washington collapsed in ', ['October 2019', 'October 2018', 'February 2019'], ', and no easing of sanctions followed.'],
  [8, 'The Soviet Union established relations with South Korea in ', ['1990', '1991', '1990'], ', and China followed in ', ['1992', '1993', '1992'], '.'],
  [2, 'Kim Jong-un’s five-year military plan was unveiled at the 8th Workers’ Party Congress in ', ['January 2021', 'January 2020', 'October 2021'], '.'],
  [6, 'Since ', ['2013', '2012', '2013'], ', Kim has sought to strengthen domestic legitimacy by bolstering military and nuclear capabilities while accelerating economic development.'],
  [6, 'In ', ['2018', '2017', '2018'], ', having declared the completion of the state nuclear force, Kim outlined a “new strategic line”.'],
  [4, 'In early ', ['August', 'September', 'August'], ', North Korea denounced US “interference” in Taiwan.'],
  [10, 'The 60th anniversary of the Sino-DPRK Treaty on Friendship, Cooperation, and Mutual Assistance in ', ['July 2021', 'July 2020', 'July 2021'], ' was followed by a reaffirmation of ties.'],
  [2, 'Since the start of 2022, Pyongyang has ', ['intensified', 'stepped up', 'accelerated'], ' its missile testing to an unprecedented degree.'],
  [7, 'From late ', ['2020', '2019', '2020'], ', Kim publicly criticised officials for failing to implement his guidelines.'],
  [12, 'A ', ['seventh', 'sixth', 'seventh'], ' nuclear test has long been speculated.'],
];

function makeGenerator(seed) {
  const rand = prng(seed);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const chance = (p) => rand() < p;
  const year = () => int(1995, 2025);
  const recentYear = () => int(2015, 2025);
  const day = () => int(1, 28);
  const month = () => pick(MONTHS);
  const date = () => {
    const r = rand();
    if (r < 0.5) return `${day()} ${month()} ${year()}`;
    if (r < 0.7) return `${month()} ${day()}, ${year()}`;
    if (r < 0.9) return `${month()} ${year()}`;
    return `${year()}-${String(int(1, 12)).padStart(2, '0')}-${String(day()).padStart(2, '0')}`;
  };
  const pct = () => {
    const r = rand();
    const v = chance(0.5) ? int(1, 95) : (rand() * 40).toFixed(1);
    if (r < 0.45) return `${v} per cent`;
    if (r < 0.9) return `${v}%`;
    return `${v} percent`;
  };
  const money = () => {
    const c = pick(CURRENCIES);
    const r = rand();
    if (r < 0.4) return `${c}${int(1, 900)} billion`;
    if (r < 0.7) return `${c}${(rand() * 90 + 1).toFixed(1)} million`;
    if (r < 0.85) return `${c}${int(1, 999)},${String(int(0, 999)).padStart(3, '0')},000`;
    return `${int(2, 80)} billion ${pick(['euros', 'dollars', 'yen', 'pounds', 'rupees'])}`;
  };
  const count = () => (chance(0.3) ? pick(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve']) : String(int(2, 5000)));
  const big = () => `${int(1, 999)},${String(int(0, 999)).padStart(3, '0')}`;
  const country = () => pick(COUNTRIES);
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

  const OTHER = [
    () => `${cap(country())}’s ${pick(MINISTRIES)} budget rose by ${pct()} in ${recentYear()}, to ${money()}.`,
    () => `The ${pick(TREATIES)} was signed in ${pick(CITIES)} on ${date()} and entered into force on ${date()}.`,
    () => `In the ${month()} ${recentYear()} election, ${pick(PARTIES)} won ${int(20, 350)} of the ${int(100, 650)} seats, with ${pct()} of the vote.`,
    () => `${cap(pick(BODIES))} approved the ${pick(PROGRAMMES)} on ${day()} ${month()} by ${int(100, 400)} votes to ${int(10, 300)}, with ${int(0, 40)} abstentions.`,
    () => `${pick(INDICATORS)} in ${country()} fell to ${pct()} in ${month()}, down from ${pct()} a year earlier.`,
    () => `${cap(country())} pledged ${money()} to the ${pick(FUNDS)} at the ${pick(SUMMITS)} in ${month()} ${recentYear()}.`,
    () => `Between ${int(2000, 2012)} and ${int(2013, 2024)}, defence spending in ${country()} grew from ${pct()} to ${pct()} of GDP.`,
    () => `By ${date()}, ${int(2, 120)} ${pick(['member states', 'countries', 'signatories'])} had ratified the ${pick(TREATIES)}.`,
    () => `${cap(pick(AGENCIES))} estimates that ${big()} people were displaced in ${recentYear()}, ${pct()} more than in ${recentYear()}.`,
    () => `${pick(INDICATORS)} stood at ${pct()} in Q${int(1, 4)} ${recentYear()}, according to ${pick(AGENCIES)}.`,
    () => `The ${DEMONYMS[pick(Object.keys(DEMONYMS))] ?? 'national'} government announced on ${date()} that it would cut the ${pick(MINISTRIES)} budget by ${money()} over ${pick(['two', 'three', 'four', 'five', 'ten'])} years.`,
    () => `${cap(pick(AGENCIES))} revised its growth forecast for ${country()} to ${pct()} for ${recentYear()} and ${pct()} for ${recentYear()}.`,
    () => `Some ${int(2, 40)},${String(int(0, 999)).padStart(3, '0')} delegates from ${int(40, 193)} countries attended the ${pick(SUMMITS)} in ${pick(CITIES)} from ${(() => { const d = day(); return `${d} to ${d + int(1, 3)}`; })()} ${month()} ${recentYear()}.`,
    () => `Exports from ${country()} to ${country()} reached ${money()} in ${recentYear()}, ${pct()} of the total.`,
    () => `The referendum of ${date()} passed with ${pct()} in favour on a turnout of ${pct()}.`,
    () => `${cap(country())} has contributed ${count()} peacekeepers to UN missions since ${year()}.`,
    () => `A ${int(2, 30)}-year loan of ${money()} was agreed with ${pick(AGENCIES)} on ${date()}.`,
    () => `The ${pick(PROGRAMMES)} is expected to cost ${money()} by ${int(2026, 2040)}, or about ${pct()} of annual spending.`,
  ];

  /** A sentence about the source's events, and the paragraph of the source that states it. */
  const articleSentence = (cite) => {
    const [paragraph, ...parts] = pick(ARTICLE);
    const wrong = chance(0.45);
    let s = '';
    for (const part of parts) {
      if (typeof part === 'string') s += part;
      else s += wrong ? pick(part) : part[0];
    }
    // Most citations give the right paragraph; some do not.
    if (cite && chance(0.3)) s = `${s.slice(0, -1)} [@frassineti2022, para. ${chance(0.8) ? paragraph : int(1, 12)}].`;
    return { text: s, paragraph };
  };

  let footnoteCounter = 0;
  const pendingFootnotes = [];
  let linkCounter = 0;

  /** Decorates a sentence with inline Markdown now and then; `paragraph`: the source paragraph it comes from, if any. */
  const decorate = (s, paragraph = null) => {
    let out = s;
    const r = rand();
    if (r < 0.12) out = out.replace(/((?:US\$|A\$|C\$|€|£|¥)?\d[\d,.]*(?: per cent|%| percent| billion| million)?)/, '**$1**');
    else if (r < 0.2) {
      const words = out.split(' ');
      const i = int(1, Math.max(1, words.length - 3));
      words[i] = `*${words[i].replace(/[.,]$/, '')}*${/[.,]$/.test(words[i]) ? words[i].slice(-1) : ''}`;
      out = words.join(' ');
    } else if (r < 0.3) {
      const words = out.split(' ');
      const i = int(0, Math.max(0, words.length - 4));
      const label = words.slice(i, i + 2).join(' ').replace(/[.,;:]$/, '');
      if (!/[[\]*`]/.test(label)) {
        linkCounter++;
        const href = chance(0.7) ? `(https://www.example.org/reports/${recentYear()}/${linkCounter}-${int(100, 999)})` : `[ref-${int(1, 40)}]`;
        words.splice(i, 2, `[${label}]${href}`);
        out = words.join(' ');
      }
    } else if (r < 0.36) {
      out = `${out.slice(0, -1)} (see \`${pick(['FY', 'BUD-', 'SEC/', 'RES/'])}${recentYear()}-${int(1, 99)}\`).`;
    } else if (r < 0.44) {
      footnoteCounter++;
      pendingFootnotes.push({ n: footnoteCounter, paragraph });
      out = `${out}[^${footnoteCounter}]`;
    }
    return out;
  };

  const sentence = (articleShare) => {
    const r = rand();
    if (r < articleShare) {
      const { text, paragraph } = articleSentence(true);
      return decorate(text, /\[@/.test(text) ? null : paragraph);
    }
    if (r < articleShare + 0.2) return pick(FILLER);
    return decorate(pick(OTHER)());
  };

  const paragraph = (articleShare) => {
    const n = int(2, 7);
    const sentences = [];
    for (let i = 0; i < n; i++) sentences.push(sentence(articleShare));
    const text = sentences.join(' ');
    if (!chance(0.4)) return text;
    // Hard-wrapped at ~100 columns, as many editors save drafts.
    const lines = [];
    let line = '';
    for (const word of text.split(' ')) {
      if (line && line.length + word.length + 1 > 100) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
    return lines.join('\n');
  };

  const list = (articleShare) => {
    const ordered = chance(0.35);
    const n = int(3, 8);
    const items = [];
    for (let i = 0; i < n; i++) {
      const marker = ordered ? `${i + 1}.` : pick(['-', '-', '*']);
      let item = `${marker} ${sentence(articleShare * 1.5)}`;
      if (chance(0.15)) item += `\n${' '.repeat(marker.length + 1)}${sentence(articleShare)}`;
      if (chance(0.08)) item += `\n\n${' '.repeat(marker.length + 1)}- ${sentence(articleShare)}\n${' '.repeat(marker.length + 1)}- ${sentence(articleShare)}`;
      items.push(item);
    }
    return items.join('\n');
  };

  const table = (articleShare) => {
    if (chance(articleShare * 3)) {
      const rows = [
        ['Kim announces victory over COVID-19', pick(['10 August 2022', '10 August 2022', '10 August 2021'])],
        ['Self-imposed border closure', pick(['January 2020', 'January 2020', 'January 2021'])],
        ['Recognition of the breakaway republics', pick(['14 July 2022', '14 June 2022'])],
        ['Russian debt write-off', pick(['2014', '2014', '2015'])],
        ['Kim–Putin meeting', pick(['2019', '2018'])],
      ];
      return ['| Event | Date |', '|---|---|', ...rows.slice(0, int(2, 5)).map((r) => `| ${r[0]} | ${r[1]} |`)].join('\n');
    }
    const kind = pick(['budget', 'election', 'indicator']);
    if (kind === 'budget') {
      const y = recentYear();
      const head = `| Country | ${y - 1} | ${y} | Change |`;
      const rows = Array.from({ length: int(3, 10) }, () => `| ${country()} | ${money()} | ${money()} | ${chance(0.5) ? '+' : '−'}${pct()} |`);
      return [head, '|:---|---:|---:|---:|', ...rows].join('\n');
    }
    if (kind === 'election') {
      const rows = Array.from({ length: int(3, 7) }, () => `| ${cap(pick(PARTIES))} | ${int(0, 300)} | ${pct()} |`);
      return [`| Party (${month()} ${recentYear()}) | Seats | Vote share |`, '|---|---|---|', ...rows].join('\n');
    }
    const rows = Array.from({ length: int(3, 8) }, () => `| ${pick(INDICATORS)} | ${country()} | ${pct()} | Q${int(1, 4)} ${recentYear()} |`);
    return ['| Indicator | Country | Value | Period |', '| --- | --- | --- | --- |', ...rows].join('\n');
  };

  const quote = (articleShare) => {
    const n = int(1, 3);
    const lines = [];
    for (let i = 0; i < n; i++) lines.push(`> ${sentence(articleShare * 2)}`);
    if (chance(0.3)) lines.push(`> — ${pick(['Minister of Finance', 'Frassineti, Howell and Roy', 'UN Secretary-General', 'Committee chair'])}, ${date()}`);
    return lines.join('\n');
  };

  const code = () => {
    const lang = pick(['yaml', 'json', 'text', 'python', 'sql']);
    const lines = [];
    const n = int(3, 10);
    for (let i = 0; i < n; i++) {
      if (lang === 'yaml') lines.push(`${pick(['date', 'budget', 'turnout', 'seats', 'votes'])}_${i}: ${chance(0.5) ? date() : money()}`);
      else if (lang === 'json') lines.push(`  "${pick(['date', 'amount', 'share'])}${i}": "${chance(0.5) ? date() : pct()}",`);
      else if (lang === 'python') lines.push(`total_${i} = ${int(1, 99999)} * ${(rand() * 2).toFixed(3)}  # ${date()}`);
      else if (lang === 'sql') lines.push(`SELECT country, SUM(amount) FROM budget WHERE year = ${recentYear()} GROUP BY country; -- ${i}`);
      else lines.push(`On 14 June, Pyongyang recognised the republics; ${money()} on ${date()}.`);
    }
    if (lang === 'json') { lines.unshift('{'); lines.push('  "end": true', '}'); }
    return `\`\`\`${lang}\n${lines.join('\n')}\n\`\`\``;
  };

  const footnoteDefs = () => {
    const defs = pendingFootnotes.splice(0).map(({ n, paragraph }) => {
      if (paragraph !== null) {
        // The source itself: sometimes with its title in quotation marks, sometimes the wrong paragraph.
        const para = chance(0.8) ? paragraph : int(1, 12);
        return chance(0.5)
          ? `[^${n}]: Frassineti, Howell and Roy, “North Korea pokes the polarization bear”, East Asia Forum, 25 November 2022, para. ${para}.`
          : `[^${n}]: [@frassineti2022, para. ${para}].`;
      }
      const r = rand();
      if (r < 0.6) return `[^${n}]: ${cap(pick(AGENCIES))}, *Annual Report ${recentYear()}*, p. ${int(1, 300)}.`;
      if (r < 0.85) return `[^${n}]: ${sentence(0)}`;
      return `[^${n}]: See the [${pick(AGENCIES)} data portal](https://data.example.org/${int(100, 999)}), accessed ${date()}.`;
    });
    return defs.join('\n');
  };

  const frontMatter = () => [
    '---',
    `title: "${pick(['Briefing', 'Policy memo', 'Country note', 'Options paper'])}: ${pick(HEADINGS)} (${recentYear()})"`,
    `author: ${pick(['Policy Unit', 'Asia Desk', 'Strategy Team', 'Economics Directorate'])}`,
    `date: ${recentYear()}-${String(int(1, 12)).padStart(2, '0')}-${String(day()).padStart(2, '0')}`,
    `status: ${pick(['draft', 'review', 'final'])}`,
    `tags: [${[pick(MINISTRIES), pick(MINISTRIES), 'asia'].join(', ')}]`,
    'bibliography: refs.bib',
    '---',
  ].join('\n');

  /** A section: heading plus blocks; some sections are about the source article. */
  const section = (index) => {
    const about = chance(0.2);
    const share = about ? 0.35 : 0.04;
    const heading = about ? pick(HEADINGS.slice(14, 17)) : pick(HEADINGS);
    const blocks = [`## ${index}. ${heading}`];
    const n = int(3, 9);
    for (let i = 0; i < n; i++) {
      const r = rand();
      if (r < 0.55) blocks.push(paragraph(share));
      else if (r < 0.7) blocks.push(list(share));
      else if (r < 0.8) blocks.push(table(share));
      else if (r < 0.88) blocks.push(quote(share));
      else if (r < 0.92) blocks.push(code());
      else if (r < 0.95) blocks.push(`### ${index}.${i + 1} ${pick(HEADINGS)}`);
      else if (r < 0.97) blocks.push(`<!-- reviewer: check the ${month()} ${recentYear()} figure -->`);
      else blocks.push(paragraph(share));
    }
    if (pendingFootnotes.length && chance(0.6)) blocks.push(footnoteDefs());
    if (chance(0.1)) blocks.push(Array.from({ length: int(1, 3) }, () => `[ref-${int(1, 40)}]: https://www.example.org/ref/${int(1000, 9999)} "${pick(AGENCIES)} ${recentYear()}"`).join('\n'));
    return blocks;
  };

  return { frontMatter, section, footnoteDefs, pendingFootnotes, paragraph };
}

/** A draft of about `bytes` bytes of UTF-8 (just over: it ends at a block boundary). */
export function generateDraft(bytes, seed) {
  const g = makeGenerator(seed);
  const parts = [g.frontMatter(), `# Policy draft ${seed.toString(16)}: regional outlook`, g.paragraph(0.1)];
  let size = Buffer.byteLength(parts.join('\n\n'));
  let index = 1;
  // Block by block, so that the draft ends within one block of the target size.
  outer: while (true) {
    for (const block of g.section(index++)) {
      if (size >= bytes) break outer;
      parts.push(block);
      size += Buffer.byteLength(block) + 2;
    }
  }
  if (g.pendingFootnotes.length) parts.push(g.footnoteDefs());
  return `${parts.join('\n\n')}\n`;
}

export function draftPath(size, dir = OUT_DIR) {
  return join(dir, `draft-${size.name}.md`);
}

/** Writes the drafts (only when their content changed) and returns their paths by size name. */
export function generateAll(dir = OUT_DIR) {
  mkdirSync(dir, { recursive: true });
  const paths = {};
  for (const size of SIZES) {
    const text = generateDraft(size.bytes, size.seed);
    const path = draftPath(size, dir);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) writeFileSync(path, text);
    paths[size.name] = path;
  }
  return paths;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--out');
  const dir = i > 0 ? process.argv[i + 1] : OUT_DIR;
  const paths = generateAll(dir);
  for (const [name, path] of Object.entries(paths)) {
    const text = readFileSync(path, 'utf8');
    process.stdout.write(`${name}: ${path} (${Buffer.byteLength(text)} bytes, ${text.split('\n').length} lines)\n`);
  }
}
