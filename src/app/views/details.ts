import type { Explorer } from '../../core/explore/explorer.ts';
import { h, replaceChildren, scrollToTopOf } from '../dom.ts';
import type { ArticleTexts } from '../loadGraph.ts';

// Loaded on first use: most visits start with no selection.
let actorPanel: Promise<typeof import('./actorPanel.ts')> | undefined;
let evidencePanel: Promise<typeof import('./evidence.ts')> | undefined;
let pairPanel: Promise<typeof import('./pairStory.ts')> | undefined;

/**
 * The right panel: the selected actor (a region named by the actor's label) with its relations
 * grouped by type and direction, and below it the evidence of the selected relation. With no
 * selection, a short guide and the most connected actors. Returns its unmount.
 */
export function mountDetails(
  container: HTMLElement,
  explorer: Explorer,
  texts: ArticleTexts,
): () => void {
  const graph = explorer.graph;

  const actorButton = (id: string, key: string) =>
    h(
      'button',
      {
        type: 'button',
        id: key,
        className: 'link-button',
        onclick: () => explorer.selectActor(id),
      },
      graph.getNodeAttribute(id, 'label'),
    );

  // The guide is static HTML (index.html); only the description and the top actors are filled in.
  const overviewSection = document.getElementById('overview')!;
  const overview = () => {
    const top = graph
      .filterNodes((n) => explorer.current.visibility.nodes.has(n))
      .sort(
        (x, y) =>
          graph.getNodeAttribute(y, 'evidenceCount') - graph.getNodeAttribute(x, 'evidenceCount'),
      )
      .slice(0, 8);
    overviewSection.querySelector('.graph-description')!.textContent =
      graph.getAttribute('description');
    replaceChildren(
      overviewSection.querySelector('.top-actors')!,
      top.map((id) =>
        h(
          'li',
          {},
          actorButton(id, `top-${id}`),
          h(
            'span',
            { className: 'count' },
            ` ${graph.getNodeAttribute(id, 'evidenceCount')} statements`,
          ),
        ),
      ),
    );
    overviewSection.hidden = false;
    return overviewSection;
  };
  const evidenceHolder = h('div', { className: 'evidence-holder' });
  // "Between A and B", opened from A's panel: the selected actor and a counterpart. Not part
  // of the view in the address: any change of selection closes it.
  let pair: { actor: string; counterpart: string } | null = null;
  const showPair = (counterpart: string) => {
    const actor = explorer.current.view.actor;
    if (actor === null) return;
    pair = { actor, counterpart };
    void draw().then(() => {
      evidenceHolder.querySelector<HTMLElement>('.pair-title')?.focus({ preventScroll: true });
      scrollToTopOf(container, evidenceHolder, 'smooth');
    });
  };
  // Each draw supersedes the previous one, whose modules may still be loading.
  let drawing = 0;
  const draw = async (): Promise<void> => {
    const ticket = ++drawing;
    const { view } = explorer.current;
    const actor = view.actor !== null && graph.hasNode(view.actor) ? view.actor : null;
    const edge = view.edge !== null && graph.hasEdge(view.edge) ? view.edge : null;
    const between = edge === null && pair !== null && pair.actor === actor ? pair : null;
    const [actorModule, evidenceModule, pairModule] = await Promise.all([
      actor === null ? undefined : (actorPanel ??= import('./actorPanel.ts')),
      edge === null ? undefined : (evidencePanel ??= import('./evidence.ts')),
      between === null ? undefined : (pairPanel ??= import('./pairStory.ts')),
    ]);
    if (ticket !== drawing) return;
    const scroll = container.scrollTop;
    replaceChildren(
      container,
      actor !== null && actorModule
        ? actorModule.actorSection(explorer, actor, actorButton, showPair)
        : edge === null
          ? overview()
          : null,
      evidenceHolder,
    );
    container.scrollTop = scroll;
    if (evidenceModule) evidenceModule.renderEvidence(evidenceHolder, explorer, texts);
    else if (between && pairModule)
      replaceChildren(
        evidenceHolder,
        pairModule.pairStorySection(explorer, between.actor, between.counterpart, {
          level: 'h2',
          close: () => {
            pair = null;
            void draw();
          },
        }),
      );
    else replaceChildren(evidenceHolder);
  };
  void draw();
  let shownEdge = explorer.current.view.edge;
  return explorer.subscribe(async (state, changes) => {
    if (!changes.has('selection') && !changes.has('filters')) return;
    if (changes.has('selection')) pair = null;
    const focused = document.activeElement;
    const focusedId = focused && container.contains(focused) ? focused.id : null;
    const edgeBefore = shownEdge;
    shownEdge = state.view.edge;
    await draw();
    // Keep keyboard users in place: the same control if it is still there, else the new title.
    if (focusedId !== null) {
      (
        document.getElementById(focusedId) ?? container.querySelector<HTMLElement>('#details-title')
      )?.focus({ preventScroll: true });
    }
    // A newly selected relation: bring its statements into view.
    if (state.view.edge !== null && state.view.edge !== edgeBefore) {
      scrollToTopOf(container, evidenceHolder, 'smooth');
    }
  });
}
