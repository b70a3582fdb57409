/**
 * The learned reader shipped with the project: trained by `npm run train:suggest` on the seed
 * articles and the annotated sets under tests/fixtures that are not kept unseen (the script
 * lists them), and checked here when imported.
 */
import json from './learned-model.json' with { type: 'json' };
import { readModel, type LearnedModel } from './learned.ts';

export const BUILT_IN_MODEL: LearnedModel = readModel(json, 'src/core/suggest/learned-model.json');
