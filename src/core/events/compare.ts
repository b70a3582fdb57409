/**
 * Where machine-coded events (GDELT) and the annotated statements agree: per pair of actors,
 * the relation types each source gives it. Pure: the graph in, a comparison out.
 */
import type { ActorGraph } from '../graph/actorGraph.ts';
import { UNCONFIRMED_MODALITIES } from '../model.ts';
import { plural } from '../text/plural.ts';

export interface PairSide {
  /** Relation type → statements (annotated) or events (GDELT), with direction as "a>b". */
  types: Record<string, number>;
  total: number;
}

export interface PairComparison {
  /** The two actors, in id order. */
  a: string;
  b: string;
  annotated?: PairSide;
  machine?: PairSide;
  /** The relation types both sources give the pair. */
  shared: string[];
}

export interface SourceComparison {
  /** Pairs both sources have: agreeing (a shared type) first, then by events. */
  both: PairComparison[];
  onlyAnnotated: PairComparison[];
  onlyMachine: PairComparison[];
}

const byWeight = (x: PairComparison, y: PairComparison) =>
  (y.machine?.total ?? 0) +
    (y.annotated?.total ?? 0) -
    ((x.machine?.total ?? 0) + (x.annotated?.total ?? 0)) ||
  (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0);

/**
 * Compares, pair by pair, the relation types of the statements (asserted or reported ones
 * only) and of the GDELT events. Direction is not compared: GDELT often codes the two actors
 * the other way round.
 */
export function compareSources(graph: ActorGraph): SourceComparison {
  const pairs = new Map<string, PairComparison>();
  graph.forEachEdge((_key, attr, source, target) => {
    const [a, b] = source < target ? [source, target] : [target, source];
    const id = `${a}\u0000${b}`;
    let pair = pairs.get(id);
    if (!pair) pairs.set(id, (pair = { a, b, shared: [] }));
    const add = (side: 'annotated' | 'machine', n: number) => {
      const s = (pair![side] ??= { types: {}, total: 0 });
      s.types[attr.relation] = (s.types[attr.relation] ?? 0) + n;
      s.total += n;
    };
    // A negated, denied, conditional or proposed statement does not say the relation is there.
    const confirmed = attr.evidence.filter((e) => !UNCONFIRMED_MODALITIES.includes(e.modality));
    if (confirmed.length > 0) add('annotated', confirmed.length);
    if (attr.machine) add('machine', attr.machine.events);
  });
  const result: SourceComparison = { both: [], onlyAnnotated: [], onlyMachine: [] };
  for (const pair of pairs.values()) {
    if (pair.annotated && pair.machine) {
      pair.shared = Object.keys(pair.annotated.types)
        .filter((t) => t in pair.machine!.types)
        .sort();
      result.both.push(pair);
    } else if (pair.annotated) result.onlyAnnotated.push(pair);
    else if (pair.machine) result.onlyMachine.push(pair);
  }
  result.both.sort(
    (x, y) => Number(y.shared.length > 0) - Number(x.shared.length > 0) || byWeight(x, y),
  );
  result.onlyAnnotated.sort(byWeight);
  result.onlyMachine.sort(byWeight);
  return result;
}

/** The comparison as a short report an analyst can read. */
export function formatComparison(
  comparison: SourceComparison,
  label: (id: string) => string,
  limit = 15,
): string {
  const types = (side: PairSide | undefined, unit: string) =>
    Object.entries(side?.types ?? {})
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .map(([t, n]) => `${t} ${plural(n, unit)}`)
      .join(', ');
  const name = (p: PairComparison) => `${label(p.a)} - ${label(p.b)}`;
  const lines: string[] = [];
  const agree = comparison.both.filter((p) => p.shared.length > 0).length;
  lines.push(
    `Pairs both sources have: ${comparison.both.length} (${agree} agree on a relation type, ${comparison.both.length - agree} do not)`,
  );
  for (const p of comparison.both) {
    lines.push(
      `  ${p.shared.length > 0 ? 'agree   ' : 'disagree'}  ${name(p)}`,
      `            annotated: ${types(p.annotated, 'statement')} (asserted or reported)`,
      `            GDELT:     ${types(p.machine, 'event')}`,
    );
  }
  const list = (title: string, pairs: PairComparison[], side: 'annotated' | 'machine') => {
    lines.push(`${title}: ${pairs.length}`);
    for (const p of pairs.slice(0, limit)) {
      lines.push(`  ${name(p)}: ${types(p[side], side === 'annotated' ? 'statement' : 'event')}`);
    }
    if (pairs.length > limit) lines.push(`  ... and ${pairs.length - limit} more`);
  };
  list('Pairs only the annotations have', comparison.onlyAnnotated, 'annotated');
  list('Pairs only GDELT has (machine-coded, unchecked)', comparison.onlyMachine, 'machine');
  return lines.join('\n');
}
