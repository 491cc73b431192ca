// The shapes of the API's answers the pages read (see docs/api.md and /api/openapi.json).

export interface Page<T> {
  results: T[];
  total: number;
}

export interface SearchHit {
  id: string;
  schema: string;
  caption: string;
  score: number;
  handling_code: string;
  properties: Record<string, string[]>;
}

export interface SearchAnswer extends Page<SearchHit> {
  total_capped: boolean;
  offset: number;
  limit: number;
  facets: Record<string, Record<string, number>>;
}

export interface Value {
  value: string;
  original_value: string;
  dataset: string;
  agency: string;
  legal_basis: string;
  handling_code: string;
  source_grade: string;
  info_grade: number;
  first_seen: string;
  last_seen: string;
  retain_until: string;
  source?: string;
}

export interface Entity {
  id: string;
  schema: string;
  caption: string;
  properties: Record<string, Value[]>;
  members?: string[];
}

export interface Party {
  role: string;
  id: string;
  schema: string;
  caption: string;
}

export interface Relation {
  id: string;
  schema: string;
  caption: string;
  role: string;
  properties: Record<string, string[]>;
  parties: Party[];
}

export interface Relations extends Page<Relation> {
  more: boolean;
}

export interface Member {
  id: string;
  schema: string;
  caption: string;
  datasets: string[];
}

export interface Judgement {
  pair: { a: string; b: string };
  verdict: string;
  team: string;
  user: string;
  purpose: string;
}

export interface ClusterView {
  canonical_id: string | null;
  members: Member[];
  judgements: Judgement[];
}

export interface Explanation {
  a: string;
  b: string;
  weight: number;
  probability: number;
  features: string[];
}

export interface NetNode {
  id: string;
  caption: string;
  schema: string;
  flags?: string[];
  distance?: number;
}

export interface Link {
  type: string;
  count: number;
  first?: string;
  last?: string;
  amount?: number;
  currency?: string;
  datasets?: string[];
}

export interface NetEdge {
  source: string;
  target: string;
  weight: number;
  links: Link[];
}

export interface Ego {
  centre: NetNode;
  depth: number;
  nodes_within_depth: number;
  nodes: NetNode[];
  edges: NetEdge[];
}

export interface Paths {
  connected: boolean;
  paths: { length: number; nodes: NetNode[]; edges: NetEdge[] }[];
}

export interface Hit {
  agency: string;
  contact: string;
  reference: string;
  strength: string;
  score: number;
  matched_on: string[];
}

export interface Request {
  id: string;
  reference: string;
  owner_agency: string;
  requester: string;
  purpose: string;
  reason: string;
  status: string;
  decided_by: string | null;
  until: string | null;
  note: string | null;
}

export interface ReviewPair {
  a: string;
  b: string;
  name_a: string;
  name_b: string;
  probability: number;
  explanation: string[];
}

export interface Stats {
  entities: number;
  statements: number;
  datasets: Record<string, { entities: number; statements: number }>;
  schemata: Record<string, { entities: number; statements: number }>;
  agencies: Record<string, { entities: number; statements: number }>;
  handling_codes: Record<string, { entities: number; statements: number }>;
}

/** A watch of the user's, as /api/watches lists it. */
export interface Watch {
  id: string;
  kind: "subject" | "query" | "entity";
  name?: string | null;
  dob?: string | null;
  identifier?: string | null;
  query?: string | null;
  entity?: string | null;
  note?: string | null;
  created: string;
  label: string;
}

/** An alert a watch raised, as /api/alerts lists it: a record to read, or a hit to ask about. */
export interface WatchAlert {
  id: string;
  watch: string;
  watch_label: string | null;
  entity: string | null;
  schema: string | null;
  caption: string | null;
  agency: string | null;
  contact: string | null;
  reference: string | null;
  strength: string | null;
  matched_on: string[];
  explanation: string;
  created: string;
  status: "new" | "confirmed" | "dismissed" | "withdrawn";
  reason: string | null;
  decided: string | null;
}

/** A matched span of a message body (UTF-16 offsets, end exclusive). */
export interface Highlight {
  start: number;
  end: number;
}

/** A message shown around a hit, in its conversation. */
export interface MessageLine {
  id: string;
  time: string;
  from: string;
  to: string[];
  body: string;
}

/** A message found by GET /api/messages/search. */
export interface MessageHit extends MessageLine {
  conversation: string;
  language: string | null;
  dataset: string | null;
  score: number;
  highlights: Highlight[];
  before: MessageLine[];
  after: MessageLine[];
}

export interface MessagePage {
  total: number;
  privileged: number;
  results: MessageHit[];
}

/** A message of the triage queue of threats to life (GET /api/messages/triage). */
export interface Triaged {
  id: string;
  score: number;
  body: string;
  reasons: string[];
  time: string;
  from: string;
  to: string[];
  conversation: string;
  dataset: string | null;
  before: MessageLine[];
  decision: string | null;
  decision_reason: string | null;
}

export interface TriageQueue {
  candidates: number;
  truncated: boolean;
  signals: string;
  decided: number;
  results: Triaged[];
}

/** A candidate for the person behind a handle (GET /api/handles/{handle}/attribution). */
export interface AttributionCandidate {
  person: string;
  caption: string;
  score: number;
  evidence: string[];
  decision: string | null;
  decision_reason: string | null;
}

export interface HandleAttribution {
  handle: string;
  messages: number;
  received: number;
  devices: string[];
  shares_devices_with: string[];
  contacts: { handle: string; sent: number; received: number; person?: string; caption?: string; share?: number }[];
  conversations: HandleConversation[];
  activity: number[][];
  candidates: AttributionCandidate[];
}

export interface HandleConversation {
  conversation: string;
  with: string[];
  messages: number;
  sent: number;
  first: string;
  last: string;
  threads: number;
  group: boolean;
}
