/** The words values are written with. */

export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7], ['august', 8],
  ['september', 9], ['october', 10], ['november', 11], ['december', 12],
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
]);

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

/** Months that are also common words: they need a date beside them to count. */
export const AMBIGUOUS_MONTHS = new Set(['may', 'march', 'mar', 'jan', 'dec', 'sep', 'aug']);

export const UNITS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
  ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16],
  ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
]);

export const TENS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
]);

export const ORDINAL_UNITS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8], ['ninth', 9],
  ['tenth', 10], ['eleventh', 11], ['twelfth', 12], ['thirteenth', 13], ['fourteenth', 14], ['fifteenth', 15], ['sixteenth', 16],
  ['seventeenth', 17], ['eighteenth', 18], ['nineteenth', 19],
]);

export const ORDINAL_TENS: ReadonlyMap<string, number> = new Map([
  ['twentieth', 20], ['thirtieth', 30], ['fortieth', 40], ['fiftieth', 50], ['sixtieth', 60], ['seventieth', 70], ['eightieth', 80], ['ninetieth', 90],
  ['hundredth', 100],
]);

export const SCALES: ReadonlyMap<string, number> = new Map([
  ['hundred', 1e2], ['thousand', 1e3], ['k', 1e3], ['million', 1e6], ['millions', 1e6], ['m', 1e6], ['mn', 1e6], ['mln', 1e6],
  ['billion', 1e9], ['billions', 1e9], ['bn', 1e9], ['b', 1e9], ['trillion', 1e12], ['tn', 1e12], ['trn', 1e12],
]);

/** Currency written before the amount, by normalized text. */
export const CURRENCY_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'], ['us$', 'USD'], ['usd', 'USD'], ['€', 'EUR'], ['eur', 'EUR'], ['£', 'GBP'], ['gbp', 'GBP'], ['¥', 'JPY'], ['jpy', 'JPY'],
  ['rmb', 'CNY'], ['cny', 'CNY'], ['₩', 'KRW'], ['krw', 'KRW'], ['₽', 'RUB'], ['rub', 'RUB'],
]);

/** Currency written after the amount. */
export const CURRENCY_SUFFIXES: ReadonlyMap<string, string> = new Map([
  ['dollars', 'USD'], ['dollar', 'USD'], ['usd', 'USD'], ['euros', 'EUR'], ['euro', 'EUR'], ['pounds', 'GBP'], ['yuan', 'CNY'], ['renminbi', 'CNY'],
  ['won', 'KRW'], ['yen', 'JPY'], ['roubles', 'RUB'], ['rubles', 'RUB'],
]);

/** Qualifiers before a quantity, longest first; each a list of words. */
export const QUALIFIERS: ReadonlyArray<{ words: string[]; qualifier: 'over' | 'under' | 'about' | 'atLeast' | 'atMost' | 'nearly' | 'upTo' }> = [
  { words: ['in', 'excess', 'of'], qualifier: 'over' },
  { words: ['upwards', 'of'], qualifier: 'over' },
  { words: ['no', 'fewer', 'than'], qualifier: 'atLeast' },
  { words: ['no', 'less', 'than'], qualifier: 'atLeast' },
  { words: ['no', 'more', 'than'], qualifier: 'atMost' },
  { words: ['an', 'estimated'], qualifier: 'about' },
  { words: ['as', 'many', 'as'], qualifier: 'upTo' },
  { words: ['as', 'much', 'as'], qualifier: 'upTo' },
  { words: ['more', 'than'], qualifier: 'over' },
  { words: ['greater', 'than'], qualifier: 'over' },
  { words: ['just', 'over'], qualifier: 'over' },
  { words: ['well', 'over'], qualifier: 'over' },
  { words: ['at', 'least'], qualifier: 'atLeast' },
  { words: ['at', 'most'], qualifier: 'atMost' },
  { words: ['close', 'to'], qualifier: 'nearly' },
  { words: ['just', 'under'], qualifier: 'nearly' },
  { words: ['just', 'below'], qualifier: 'nearly' },
  { words: ['less', 'than'], qualifier: 'under' },
  { words: ['fewer', 'than'], qualifier: 'under' },
  { words: ['up', 'to'], qualifier: 'upTo' },
  { words: ['over'], qualifier: 'over' },
  { words: ['above'], qualifier: 'over' },
  { words: ['exceeding'], qualifier: 'over' },
  { words: ['nearly'], qualifier: 'nearly' },
  { words: ['almost'], qualifier: 'nearly' },
  { words: ['under'], qualifier: 'under' },
  { words: ['below'], qualifier: 'under' },
  { words: ['roughly'], qualifier: 'about' },
  { words: ['about'], qualifier: 'about' },
  { words: ['around'], qualifier: 'about' },
  { words: ['approximately'], qualifier: 'about' },
  { words: ['approx'], qualifier: 'about' },
  { words: ['some'], qualifier: 'about' },
  { words: ['circa'], qualifier: 'about' },
  { words: ['~'], qualifier: 'about' },
];

export const DURATION_UNITS: ReadonlyMap<string, { unit: 'year' | 'month' | 'week' | 'day'; factor: number }> = new Map([
  ['year', { unit: 'year', factor: 1 }], ['years', { unit: 'year', factor: 1 }], ['yr', { unit: 'year', factor: 1 }], ['yrs', { unit: 'year', factor: 1 }],
  ['decade', { unit: 'year', factor: 10 }], ['decades', { unit: 'year', factor: 10 }],
  ['century', { unit: 'year', factor: 100 }], ['centuries', { unit: 'year', factor: 100 }],
  ['month', { unit: 'month', factor: 1 }], ['months', { unit: 'month', factor: 1 }],
  ['week', { unit: 'week', factor: 1 }], ['weeks', { unit: 'week', factor: 1 }],
  ['day', { unit: 'day', factor: 1 }], ['days', { unit: 'day', factor: 1 }],
]);

/** Words before a date that make it the start of a period, a bound, or a point. */
export const DATE_ASPECTS: ReadonlyMap<string, 'since' | 'until' | 'before' | 'after'> = new Map([
  ['since', 'since'], ['from', 'since'], ['starting', 'since'], ['beginning', 'since'],
  ['until', 'until'], ['till', 'until'], ['through', 'until'], ['by', 'until'],
  ['before', 'before'], ['prior', 'before'], ['after', 'after'], ['following', 'after'],
]);

/** Words that make a four-digit number a year when they come just before it. */
export const YEAR_CUES = new Set([
  'in', 'since', 'from', 'by', 'until', 'till', 'of', 'before', 'after', 'during', 'between', 'and', 'to', 'early', 'late', 'mid', 'the',
  'around', 'circa', 'year', 'through', 'throughout', 'or', 'spring', 'summer', 'autumn', 'fall', 'winter', 'start', 'end', 'beginning', 'middle',
  'half', 'quarter', 'fiscal', 'for', 'at', 'on', 'across', 'over', 'into', 'than', 'its', 'their', 'that', 'this', 'whose',
]);

/** Verbs and words that make a four-digit number at the start of a clause a year (2019 saw ...). */
export const YEAR_FOLLOWERS = new Set([
  'was', 'saw', 'marked', 'brought', 'proved', 'is', 'will', 'would', 'also', 'and', 'when', 'had', 'has', 'onwards', 'onward', 'on',
  'to', 'or', 'until', 'through', 'elections', 'election', 'summit', 'resolution', 'vote', 'agreement', 'treaty', 'budget', 'levels', 'level',
  'figures', 'data', 'report', 'census', 'visit', 'meeting', 'talks', 'crisis', 'war', 'plan', 'law', 'session', 'congress', 'test',
]);
