/**
 * Analyses of the (filtered) actor graph: the signed network and its balance (signs, triads,
 * camps), contradictions, paths between two actors, and actor metrics with communities. See
 * docs/analysis.md for what each means and how it is computed.
 */
export { analyse, type Analysis, type AnalysisOptions } from './analyse.ts';
export { analysisJson, type AnalysisJson } from './json.ts';
export {
  DEFAULT_COUNTED,
  pairEdges,
  signedNetwork,
  type PairTally,
  type Sign,
  type SignedNetwork,
  type SignedPair,
  type SignOptions,
} from './signs.ts';
export { isBalanced, triadCensus, type Triad, type TriadCensus } from './triads.ts';
export {
  DEFAULT_EXACT_LIMIT,
  DEFAULT_SEARCH_BUDGET,
  frustrationOf,
  splitCamps,
  type Camp,
  type CampComponent,
  type CampOptions,
  type CampSplit,
} from './camps.ts';
export {
  contradictions,
  type Contradiction,
  type ContradictionOptions,
  type ContradictionSide,
} from './contradictions.ts';
export { compareStatements, statementsOf, type Statement } from './statements.ts';
export {
  connectionPaths,
  pathIndex,
  type ConnectionPath,
  type PairLink,
  type PathIndex,
  type PathOptions,
  type PathStep,
  type PathsResult,
  type StepStrength,
} from './paths.ts';
export {
  actorMetrics,
  pairGraph,
  type ActorMetrics,
  type CentralityOptions,
  type CentralityResult,
  type PairGraph,
} from './centrality.ts';
