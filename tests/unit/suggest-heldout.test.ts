import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDataset } from '../helpers/dataset.ts';
import { ROOT, runScript } from '../helpers/run.ts';

/**
 * Articles written for this test (not taken from anywhere, and not looked at while the cue
 * lexicon was written), annotated as the seed articles are: what the suggestions are judged by
 * beside the seeds. Run with SUGGEST_PRINT=1 to see the table.
 */
const HELD_OUT: Record<string, string> = {
  'relation-types.yaml': readFileSync(join(ROOT, 'graph-data/relation-types.yaml'), 'utf8'),
  'actors.yaml': `actors:
  - { id: turkey, label: Turkey, kind: state, aliases: [Ankara] }
  - { id: greece, label: Greece, kind: state, aliases: [Athens] }
  - { id: european-union, label: European Union, kind: organisation, aliases: [EU] }
  - { id: recep-tayyip-erdogan, label: Recep Tayyip Erdogan, kind: person, affiliation: turkey }
  - { id: kyriakos-mitsotakis, label: Kyriakos Mitsotakis, kind: person, affiliation: greece }
  - { id: united-nations, label: United Nations, kind: organisation, aliases: [UN] }
  - { id: sudan, label: Sudan, kind: state, aliases: [Khartoum] }
  - { id: sudanese-armed-forces, label: Sudanese Armed Forces, kind: military, aliases: [SAF, Sudan's army], affiliation: sudan }
  - { id: rapid-support-forces, label: Rapid Support Forces, kind: armed-group, aliases: [RSF] }
  - { id: united-states, label: United States, kind: state, aliases: [Washington, US] }
  - { id: saudi-arabia, label: Saudi Arabia, kind: state, aliases: [Riyadh] }
  - { id: egypt, label: Egypt, kind: state, aliases: [Cairo] }
  - { id: russia, label: Russia, kind: state, aliases: [Moscow, Kremlin] }
  - { id: ukraine, label: Ukraine, kind: state, aliases: [Kyiv] }
  - { id: china, label: China, kind: state, aliases: [Beijing] }
  - { id: nato, label: NATO, kind: organisation }
  - { id: volodymyr-zelensky, label: Volodymyr Zelensky, kind: person, affiliation: ukraine }
  - { id: sergei-lavrov, label: Sergei Lavrov, kind: person, affiliation: russia }
  - { id: wang-yi, label: Wang Yi, kind: person, affiliation: china }
  - { id: dmitry-peskov, label: Dmitry Peskov, kind: person, affiliation: russia }
  - { id: iran, label: Iran, kind: state, aliases: [Tehran] }
  - { id: iaea, label: International Atomic Energy Agency, kind: organisation, aliases: [IAEA] }
  - { id: rafael-grossi, label: Rafael Grossi, kind: person, affiliation: iaea }
  - { id: israel, label: Israel, kind: state }
  - { id: nigeria, label: Nigeria, kind: state, aliases: [Abuja] }
  - { id: chad, label: Chad, kind: state, aliases: [N'Djamena] }
  - { id: boko-haram, label: Boko Haram, kind: armed-group }
  - { id: mahamat-deby, label: Mahamat Idriss Deby, kind: person, aliases: [Deby], affiliation: chad }
  - { id: red-cross, label: International Committee of the Red Cross, kind: organisation, aliases: [Red Cross, ICRC] }
`,
  'articles/h1-aegean.txt': `Turkey and Greece agreed on Monday to resume talks on maritime borders, the two foreign ministers said after meeting in Ankara.
Greek Prime Minister Kyriakos Mitsotakis welcomed the decision but warned that Athens would not accept any drilling in its waters.
Turkish President Recep Tayyip Erdogan accused the European Union of siding with Greece and threatened to expel the bloc's envoy.
The EU has reportedly considered sanctions against Ankara if the drilling continues.
Mr. Erdogan denied that Turkey had sent warships toward Greek islands.
`,
  'articles/h1-aegean.yaml': `title: Turkey and Greece agree to resume talks
relations:
  - { source: turkey, type: cooperates-with, target: greece, quote: Turkey and Greece agreed on Monday to resume talks on maritime borders }
  - { source: recep-tayyip-erdogan, type: opposes, target: european-union, quote: Turkish President Recep Tayyip Erdogan accused the European Union of siding with Greece }
  - { source: european-union, type: opposes, target: turkey, modality: conditional, quote: The EU has reportedly considered sanctions against Ankara if the drilling continues. }
  - { source: turkey, type: opposes, target: greece, modality: denied, quote: Mr. Erdogan denied that Turkey had sent warships toward Greek islands. }
`,
  'articles/h2-sudan.txt': `The United Nations accused Sudan's army of blocking aid convoys to Darfur on Tuesday.
According to aid workers, the Rapid Support Forces attacked a camp near El Fasher, killing dozens.
The army and the RSF have not agreed to a ceasefire, despite pressure from Washington and Riyadh.
Saudi Arabia offered to host new negotiations between the two sides in Jeddah.
The United States said it would provide $200 million in humanitarian aid to Sudanese civilians, and urged Egypt to press the army to return to talks.
`,
  'articles/h2-sudan.yaml': `title: UN accuses Sudan's army of blocking aid
relations:
  - { source: united-nations, type: opposes, target: sudanese-armed-forces, quote: "The United Nations accused Sudan's army of blocking aid convoys to Darfur" }
  - { source: sudanese-armed-forces, type: cooperates-with, target: rapid-support-forces, modality: negated, quote: The army and the RSF have not agreed to a ceasefire }
  - { source: saudi-arabia, type: proposes-to, target: sudanese-armed-forces, quote: Saudi Arabia offered to host new negotiations between the two sides in Jeddah. }
  - { source: saudi-arabia, type: proposes-to, target: rapid-support-forces, quote: Saudi Arabia offered to host new negotiations between the two sides in Jeddah. }
  - { source: united-states, type: proposes-to, target: egypt, quote: urged Egypt to press the army to return to talks }
`,
  'articles/h3-black-sea.txt': `Russian forces shelled Kharkiv overnight, Ukrainian officials said on Sunday.
Ukraine's President Volodymyr Zelenskyy called on NATO to supply more air defence systems.
Moscow rejected a Turkish proposal for a Black Sea grain corridor, Kremlin spokesman Dmitry Peskov told reporters.
Sergey Lavrov met his Chinese counterpart Wang Yi in Beijing, where both sides pledged to deepen cooperation.
Kyiv was not consulted about the talks, a Ukrainian diplomat said.
`,
  'articles/h3-black-sea.yaml': `title: Moscow rejects grain corridor proposal
relations:
  - { source: volodymyr-zelensky, type: proposes-to, target: nato, quote: Volodymyr Zelenskyy called on NATO to supply more air defence systems }
  - { source: russia, type: opposes, target: turkey, quote: Moscow rejected a Turkish proposal for a Black Sea grain corridor }
  - { source: turkey, type: proposes-to, target: russia, quote: Moscow rejected a Turkish proposal for a Black Sea grain corridor }
  - { source: sergei-lavrov, type: cooperates-with, target: wang-yi, quote: Sergey Lavrov met his Chinese counterpart Wang Yi in Beijing }
`,
  'articles/h4-inspections.txt': `Iran and the International Atomic Energy Agency signed an agreement on Thursday allowing inspectors to return to the Fordow site.
The agency's director general, Rafael Grossi, praised Tehran's cooperation but said Iran had still not explained traces of uranium found at two sites.
Israel condemned the deal and warned it would act alone if Iran moved closer to a weapon.
The European Union welcomed the agreement, while Washington reportedly urged Tehran to go further.
Iranian officials denied that Iran was enriching uranium to weapons grade.
`,
  'articles/h4-inspections.yaml': `title: Iran and the IAEA sign an inspections deal
relations:
  - { source: iran, type: cooperates-with, target: iaea, quote: Iran and the International Atomic Energy Agency signed an agreement on Thursday }
  - { source: rafael-grossi, type: cooperates-with, target: iran, quote: "Rafael Grossi, praised Tehran's cooperation" }
  - { source: israel, type: opposes, target: iran, quote: Israel condemned the deal }
  - { source: united-states, type: proposes-to, target: iran, modality: reported, quote: Washington reportedly urged Tehran to go further }
`,
  'articles/h5-lake-chad.txt': `Nigerian troops were attacked by Boko Haram fighters in Borno state on Friday, the army said.
Nigeria and Chad have agreed to set up joint patrols along their border.
Chad's president Mahamat Deby said his country would never negotiate with Boko Haram.
The group also kidnapped aid workers working for the Red Cross.
`,
  'articles/h5-lake-chad.yaml': `title: Boko Haram attacks Nigerian troops
relations:
  - { source: boko-haram, type: opposes, target: nigeria, quote: Nigerian troops were attacked by Boko Haram fighters }
  - { source: nigeria, type: cooperates-with, target: chad, quote: Nigeria and Chad have agreed to set up joint patrols along their border. }
  - { source: chad, type: cooperates-with, target: boko-haram, modality: negated, quote: his country would never negotiate with Boko Haram }
  - { source: boko-haram, type: opposes, target: red-cross, quote: The group also kidnapped aid workers working for the Red Cross. }
`,
};

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Figures {
  articles: number;
  overall: { precision: number; recall: number; matched: number };
  modality: { matched: number; correct: number };
}

describe('suggestions on held-out articles', { timeout: 60_000 }, () => {
  it('reach the precision and recall the issue aims at (0.6 and 0.7) within a margin', () => {
    const dir = writeDataset(HELD_OUT);
    dirs.push(dir);
    const run = runScript('eval-suggest.ts', ['--data', dir, '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const figures = JSON.parse(run.stdout) as Figures;
    if (process.env.SUGGEST_PRINT) {
      console.log(runScript('eval-suggest.ts', ['--data', dir, '--details']).stdout);
    }
    expect(figures.articles).toBe(5);
    // Measured on 2026-11-30: precision 0.80, recall 0.95, with the fallbacks by position
    // (docs/suggest.md has this set's earlier figures); 0.77 and 0.95 by the rules alone on
    // 2026-12-01, and 0.67 and 0.95 with the learned reader, whose four suggestions here the
    // annotators did not record (two arguable: "Erdogan accused the EU of siding with Greece"
    // as Erdogan against Greece; Grossi's agency praising "Tehran's cooperation"). The floors
    // catch a regression.
    expect(figures.overall.precision).toBeGreaterThanOrEqual(0.65);
    expect(figures.overall.recall).toBeGreaterThanOrEqual(0.75);
    expect(figures.modality.correct / figures.modality.matched).toBeGreaterThanOrEqual(0.8);
  });
});
