import type { SigmaOptions } from 'sigma/types';
import {
  extremityArrow,
  layerDashed,
  layerFill,
  layerPlain,
  pathCurved,
  pathLine,
  sdfCircle,
} from 'sigma/rendering';
import type { LabelPosition } from '../../core/explore/labelPlacement.ts';
import type { Stroke } from '../../core/explore/strokes.ts';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../../core/model.ts';
import type { SizePolicy } from '../../core/sizePolicy.ts';

/** Our own item states, beside sigma's (isHidden, isHighlighted, isHovered...). */
export interface ActorNodeState {
  /** Where the label goes (labelPlacement.ts). */
  labelPosition: LabelPosition;
  /** The label is drawn whatever sigma's label grid decides. */
  labelShown: boolean;
  /** The actor whose relationships are highlighted: drawn with a label box. */
  isFocused: boolean;
}
export interface ActorEdgeState {
  stroke: Stroke;
  isSelected: boolean;
}

export const NODE_STATE: ActorNodeState = {
  labelPosition: 'right',
  labelShown: false,
  isFocused: false,
};
export const EDGE_STATE: ActorEdgeState = { stroke: 'solid', isSelected: false };

/** The layers, back to front: the veil dims what is below it when something is highlighted. */
export const DEPTH_LAYERS = ['edges', 'nodes', 'veil', 'topEdges', 'topNodes'] as const;

export const LABEL_FONT = {
  family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  weight: '500',
  size: 13,
};
export const LABEL_MARGIN = 5;
const TRANSPARENT = 'rgba(0,0,0,0)';

/** Pixels of dash and gap per stroke (dotted: short dashes, the line faint). */
const STROKE_LOOK = {
  solid: { plainColor: { attribute: 'color' }, dashSize: 0, gapSize: 0, opacity: 1 },
  dashed: { plainColor: TRANSPARENT, dashSize: 8, gapSize: 6, opacity: 1 },
  dotted: { plainColor: TRANSPARENT, dashSize: 2, gapSize: 5, opacity: 0.55 },
} as const;

export type ActorSigmaOptions = SigmaOptions<
  NodeAttributes,
  EdgeAttributes,
  GraphAttributes,
  ActorNodeState,
  ActorEdgeState
>;

/**
 * How the network looks, declared once for sigma 4: the primitives it compiles (circles;
 * straight lines, curves for parallel relations, arrows; a plain and a dashed layer) and
 * the styles that map attributes and item states to them. Every style reads an attribute
 * or an item state, never the graph's state, so a change of state re-styles only the items
 * whose state changed.
 */
export function sigmaLook(
  relationTypes: GraphAttributes['relationTypes'],
  policy: SizePolicy,
): Pick<ActorSigmaOptions, 'primitives' | 'styles' | 'customNodeState' | 'customEdgeState'> {
  const heads: Record<string, string> = {};
  for (const type of relationTypes) if (type.directed) heads[type.id] = 'arrow';
  const everyLabel = policy.tier === 'small';
  return {
    customNodeState: NODE_STATE,
    customEdgeState: EDGE_STATE,
    primitives: {
      depthLayers: DEPTH_LAYERS,
      nodes: {
        shapes: [sdfCircle()],
        layers: [layerFill()],
        label: { font: LABEL_FONT, color: '#1f2933', margin: LABEL_MARGIN },
      },
      edges: {
        paths: [pathLine(), pathCurved()],
        extremities: [extremityArrow()],
        variables: {
          plainColor: { type: 'color', default: TRANSPARENT },
          dashSize: { type: 'number', default: 0 },
          gapSize: { type: 'number', default: 0 },
        },
        layers: [
          layerPlain({ color: { attribute: 'plainColor' } }),
          layerDashed({ dashSize: { attribute: 'dashSize' }, gapSize: { attribute: 'gapSize' } }),
        ],
      },
    },
    styles: {
      nodes: [
        {
          x: { attribute: 'x' },
          y: { attribute: 'y' },
          size: { attribute: 'size' },
          color: { attribute: 'color' },
          label: { attribute: 'label' },
          visibility: { whenState: 'isHidden', then: 'hidden', else: 'visible' },
          depth: { whenState: 'isHighlighted', then: 'topNodes', else: 'nodes' },
          labelVisibility: everyLabel
            ? { whenState: 'labelShown', then: 'visible', else: 'hidden' }
            : { whenState: 'labelShown', then: 'visible', else: 'auto' },
          backdropVisibility: 'hidden',
          backdropColor: '#ffffff',
          backdropShadowColor: 'rgba(0, 0, 0, 0.45)',
          backdropShadowBlur: 10,
          backdropPadding: 5,
        },
        {
          matchState: 'labelPosition',
          cases: {
            left: { labelPosition: 'left' },
            above: { labelPosition: 'above' },
            below: { labelPosition: 'below' },
          },
        },
        {
          whenState: 'isFocused',
          then: { depth: 'topNodes', labelVisibility: 'visible', backdropVisibility: 'visible' },
        },
        {
          whenState: 'isHovered',
          then: { depth: 'topNodes', labelVisibility: 'visible', backdropVisibility: 'visible' },
        },
      ],
      edges: [
        {
          color: { attribute: 'color' },
          size: { attribute: 'size' },
          path: 'straight',
          parallelPath: 'curved',
          parallelSpread: 0.35,
          head: { attribute: 'relation', dict: heads },
          visibility: { whenState: 'isHidden', then: 'hidden', else: 'visible' },
          depth: { whenState: 'isHighlighted', then: 'topEdges', else: 'edges' },
        },
        { matchState: 'stroke', cases: STROKE_LOOK },
        { whenState: 'isSelected', then: { size: 7, depth: 'topEdges' } },
      ],
    },
  };
}
