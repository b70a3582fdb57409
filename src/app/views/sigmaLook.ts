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
  /** The stroke the filters give the line, when it is not its `baseStroke` ('auto'). */
  stroke: Stroke | 'auto';
  isSelected: boolean;
  /** Shown on machine-coded evidence alone (GDELT, no statement shown): drawn apart. */
  machineOnly: boolean;
}

export const NODE_STATE: ActorNodeState = {
  labelPosition: 'right',
  labelShown: false,
  isFocused: false,
};
export const EDGE_STATE: ActorEdgeState = { stroke: 'auto', isSelected: false, machineOnly: false };

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

/**
 * A relation only machine-coded events support: long dashes, pale, in its type's colour, so
 * that it never reads as an annotated line (the legend's "Lines" explains it).
 */
export const MACHINE_ONLY_LOOK = {
  plainColor: TRANSPARENT,
  dashSize: 12,
  gapSize: 4,
  opacity: 0.5,
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
 * whose state changed. (sigma's own hover state is left unstyled: the highlight layer shows
 * a hovered actor's relationships.)
 */
export type ActorSigmaLook = Pick<
  ActorSigmaOptions,
  'primitives' | 'styles' | 'customNodeState' | 'customEdgeState'
>;

/**
 * `highlight` is the look of the layer that draws a highlight over the network
 * (highlightLayer.ts): only the labels it is told to show, the focused actor boxed.
 */
export function sigmaLook(
  relationTypes: GraphAttributes['relationTypes'],
  policy: SizePolicy,
  highlight = false,
): ActorSigmaLook {
  const heads: Record<string, string> = {};
  for (const type of relationTypes) if (type.directed) heads[type.id] = 'arrow';
  const labelsChosen = highlight || policy.tier === 'small';
  return {
    customNodeState: NODE_STATE,
    customEdgeState: EDGE_STATE,
    primitives: {
      nodes: {
        shapes: [sdfCircle()],
        layers: [layerFill()],
        label: { font: LABEL_FONT, color: '#1f2933', margin: LABEL_MARGIN },
      },
      edges: {
        paths: [pathLine(), pathCurved({ segments: 8 })],
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
          labelVisibility: labelsChosen
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
        },
        // The stroke of all the statements (set on load, so that the first frame has it), or
        // the one the filters give, where it differs.
        { matchData: 'baseStroke', cases: STROKE_LOOK },
        { matchState: 'stroke', cases: STROKE_LOOK },
        { whenState: 'machineOnly', then: MACHINE_ONLY_LOOK },
        { whenState: 'isSelected', then: { size: 7, depth: 'topEdges' } },
      ],
    },
  };
}
