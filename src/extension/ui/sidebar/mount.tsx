/**
 * Entry point of the lazily loaded sidebar UI.
 *
 * The host (content script) attaches an open shadow root to its host element, injects `SIDEBAR_CSS`
 * (from ./styles.ts) into it, then calls `mountSidebar(shadowRoot, connector, browser.i18n.getMessage)`.
 * The sidebar renders into its own wrapper element, so whatever else the host put into the container
 * (the <style> element, for one) is left alone; the returned function unmounts and removes the wrapper.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { SidebarConnector } from '../../shared/sidebar-connector.js';
import type { Translate } from '../i18n.js';
import { Sidebar } from './Sidebar.js';
import { createSidebarStore, SidebarContext } from './store.js';

export { SIDEBAR_CSS } from './styles.js';

export function mountSidebar(
  container: HTMLElement | ShadowRoot,
  connector: SidebarConnector,
  t: (key: string, substitutions?: string[]) => string,
): () => void {
  const doc = container.ownerDocument ?? document;
  const wrapper = doc.createElement('div');
  wrapper.className = 'rc-root';
  container.appendChild(wrapper);

  const { store, dispose } = createSidebarStore(connector);
  const translate: Translate = (key, substitutions) =>
    substitutions === undefined ? t(key) : t(key, substitutions);
  const root = createRoot(wrapper, { identifierPrefix: 'rc-' });
  root.render(
    <StrictMode>
      <SidebarContext.Provider value={{ store, t: translate }}>
        <Sidebar />
      </SidebarContext.Provider>
    </StrictMode>,
  );

  let mounted = true;
  return () => {
    if (!mounted) return;
    mounted = false;
    dispose();
    root.unmount();
    wrapper.remove();
  };
}
