import fc from 'fast-check';

/** Runs per property: PROPERTY_RUNS, 200 by default. */
export const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);

/**
 * One seed by default, so that every run of the suite (CI's included) tries the same inputs: a
 * property that fails, fails every time, with the seed and path that replay it. PROPERTY_SEED=random
 * explores new inputs on each run (fast-check prints the seed of a failure); PROPERTY_SEED=N replays
 * that seed.
 */
const seed = process.env.PROPERTY_SEED ?? '20261128';
if (seed !== 'random') fc.configureGlobal({ seed: Number(seed) });
