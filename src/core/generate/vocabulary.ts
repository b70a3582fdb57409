import type { RelationType } from '../model.ts';

/**
 * The project's relation vocabulary (graph-data/relation-types.yaml), field for field. A unit
 * test keeps the two in step.
 */
export const RELATION_TYPES: readonly RelationType[] = [
  {
    id: 'cooperates-with',
    label: 'cooperates with',
    directed: false,
    sign: 1,
    color: '#1b9e77',
    cameo: ['04', '05', '06', '07'],
    description:
      'The two actors consult, meet, agree, coordinate, share intelligence, support or aid one another. Symmetric: record it once, in either order.',
  },
  {
    id: 'opposes',
    label: 'opposes',
    inverseLabel: 'is opposed by',
    directed: true,
    sign: -1,
    color: '#d7301f',
    cameo: ['10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20'],
    description:
      'The source demands of, criticises, rejects, threatens, sanctions, coerces, attacks or fights the target.',
  },
  {
    id: 'proposes-to',
    label: 'proposes to',
    inverseLabel: 'receives proposals from',
    directed: true,
    sign: 0,
    color: '#6a51a3',
    cameo: ['02', '03'],
    description:
      'The source appeals to the target or offers, or states its intent, to cooperate with it: a proposal, an offer, a call to act.',
  },
];

export type RelationTypeId = 'cooperates-with' | 'opposes' | 'proposes-to';
