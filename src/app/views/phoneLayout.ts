import type { AppState, Explorer } from '../../core/explore/explorer.ts';
import { scrollToTopOf } from '../dom.ts';
import { PHONE_QUERY } from '../media.ts';

export type SheetState = 'closed' | 'peek' | 'open';

/**
 * Where the selection sheet stands for a selection: closed without one, peeking (the network
 * stays in view, the sheet's bar says what is selected) with one.
 */
export const sheetStateFor = (state: Pick<AppState, 'view'>): SheetState =>
  state.view.actor !== null || state.view.edge !== null ? 'peek' : 'closed';

/**
 * The phone layout's two moving parts, as attributes on the app that styles.css reads under its
 * phone breakpoint (a wide screen ignores them): the drawer holding the legend, the filters and
 * the tools (`data-drawer`), and the sheet holding the selection (`data-sheet`), which a new
 * selection brings up peeking, its bar's button expands, and its close button dismisses (the
 * selection with it). Loaded only on a narrow screen (main.ts). Returns its unmount.
 */
export function mountPhoneLayout(app: HTMLElement, explorer: Explorer): () => void {
  const drawerToggle = app.querySelector<HTMLButtonElement>('#drawer-toggle')!;
  const sheetToggle = app.querySelector<HTMLButtonElement>('#sheet-toggle')!;
  const sheetClose = app.querySelector<HTMLButtonElement>('#sheet-close')!;
  const details = app.querySelector<HTMLElement>('#details')!;

  const setDrawer = (open: boolean) => {
    app.dataset.drawer = open ? 'open' : 'closed';
    drawerToggle.setAttribute('aria-expanded', String(open));
    // The drawer is opened for the filters: show them rather than one more thing to tap.
    const filters = app.querySelector<HTMLDetailsElement>('#filters-section');
    if (open && filters && !filters.open) filters.open = true;
  };

  let sheet: SheetState = 'closed';
  const setSheet = (next: SheetState) => {
    sheet = next;
    app.dataset.sheet = next;
    sheetToggle.setAttribute('aria-expanded', String(next === 'open'));
    const { view } = explorer.current;
    const graph = explorer.graph;
    const name =
      view.actor !== null
        ? graph.getNodeAttribute(view.actor, 'label')
        : view.edge !== null
          ? 'the relation'
          : '';
    sheetToggle.textContent =
      next === 'open'
        ? 'Show the network'
        : view.edge !== null
          ? 'Show the statements'
          : `Show ${name}'s relations`;
    // The statements of a selected relation are what the sheet is for: bring them up first.
    if (next !== 'closed' && view.edge !== null) showStatements();
  };
  // The panel draws the statements once their module has loaded: wait for them, a few frames
  // at most, then scroll the sheet to them. Only on a phone: a wide screen is left as it was.
  const showStatements = (framesLeft = 120) => {
    if (!window.matchMedia(PHONE_QUERY).matches) return;
    const statements = details.querySelector<HTMLElement>('.evidence-holder .evidence');
    if (statements) scrollToTopOf(details, statements);
    else if (framesLeft > 0) requestAnimationFrame(() => showStatements(framesLeft - 1));
  };

  drawerToggle.addEventListener('click', () => setDrawer(app.dataset.drawer !== 'open'));
  sheetToggle.addEventListener('click', () => setSheet(sheet === 'open' ? 'peek' : 'open'));
  sheetClose.addEventListener('click', () => explorer.clearSelection());
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && app.dataset.drawer === 'open') {
      setDrawer(false);
      drawerToggle.focus();
      event.preventDefault();
    }
  };
  document.addEventListener('keydown', onKey);

  setDrawer(false);
  setSheet(sheetStateFor(explorer.current));
  const unsubscribe = explorer.subscribe((state, changes) => {
    if (!changes.has('selection')) return;
    const next = sheetStateFor(state);
    // A new selection keeps an open sheet open; none closes it.
    setSheet(next === 'closed' ? 'closed' : sheet === 'open' ? 'open' : 'peek');
  });
  return () => {
    unsubscribe();
    document.removeEventListener('keydown', onKey);
  };
}
