import type { PartialDate, Value } from '../values/types';

/** A fact base after loading: plain data, ready to be compiled into a matcher. */
export interface SourceInfo {
  key: string;
  title: string;
  authors: string[];
  publisher?: string;
  year?: number;
  url?: string;
  published?: PartialDate;
  /** Path of the full text, relative to the fact base file. */
  textPath?: string;
  defaultYear?: number;
}

export type ActorKind = 'country' | 'person' | 'organization';
export type AliasForm = 'name' | 'capital' | 'adjective' | 'title';

export interface Alias {
  text: string;
  form: AliasForm;
}

export interface ActorInfo {
  id: string;
  kind: ActorKind;
  name: string;
  partOf?: string;
  aliases: Alias[];
}

export interface FactValue {
  value: Value;
  /** As the source prints it. */
  text: string;
  role?: string;
  /** Completes "The source gives X for ...". */
  about: string;
  nouns: string[];
  cues: string[];
  note?: string;
}

export interface EventSpec {
  label: string;
  terms: string[][];
  context: string[];
  exclude: string[];
  trigger: string[];
}

export interface Fact {
  id: string;
  claim: string;
  quote: string;
  paragraph: number;
  page?: number;
  /** Each entry: alternatives, one of which a sentence must name. */
  actors: string[][];
  related: string[];
  actorOptional: boolean;
  exclusiveActor: boolean;
  anticipated: boolean;
  event: EventSpec;
  values: FactValue[];
  sourceKey: string;
}

export interface FactBase {
  source: SourceInfo;
  actors: ActorInfo[];
  facts: Fact[];
  /** Where it was loaded from: a file path, or "built-in". */
  origin: string;
}

/** A problem in a fact base, located by its path in the document (facts/3/quote). */
export interface FactBaseProblem {
  path: Array<string | number>;
  message: string;
  severity: 'error' | 'warning';
  code: string;
}
