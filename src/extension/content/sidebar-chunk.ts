/**
 * Entry of the lazily loaded `sidebar.js` (ESM, web-accessible): React + the sidebar UI. The content script
 * loads it with `import(runtime.getURL('sidebar.js'))` the first time a reply box is focused, so pages where the
 * agent never types pay nothing for React.
 */
export { mountSidebar, SIDEBAR_CSS } from '../ui/sidebar/mount.js';
