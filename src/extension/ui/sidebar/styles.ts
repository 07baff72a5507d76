/**
 * The sidebar's stylesheet. The host injects it into the open shadow root that holds the sidebar
 * (`<style>` or a constructed stylesheet). Page CSS can't match inside the shadow root, but inherited
 * properties (font, colour, line-height…) still flow in from the host element, so `.rc-root` resets them.
 * Sizes are in px, never rem (the page's root font size is not ours). Colours: info blue, warning amber,
 * critical red; dark mode follows prefers-color-scheme.
 */
export const SIDEBAR_CSS = String.raw`
.rc-root {
  all: initial;
  display: block;
  --rc-width: 340px;
  --rc-max-height: calc(100vh - 24px);
  --rc-font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif;
  --rc-bg: #ffffff;
  --rc-surface: #f6f7f9;
  --rc-surface-hover: #eef0f4;
  --rc-border: #e3e5ea;
  --rc-border-strong: #cfd3db;
  --rc-text: #16181d;
  --rc-text-2: #3d424d;
  --rc-muted: #5d6370;
  --rc-accent: #4f46e5;
  --rc-accent-soft: #eef0ff;
  --rc-accent-border: #c7cbfa;
  --rc-focus: #2563eb;
  --rc-ok: #15803d;
  --rc-ok-soft: #ecfdf3;
  --rc-info: #1d4ed8;
  --rc-info-bar: #3b82f6;
  --rc-info-soft: #eff5ff;
  --rc-warning: #8a4b00;
  --rc-warning-bar: #f59e0b;
  --rc-warning-soft: #fff6e0;
  --rc-critical: #b42318;
  --rc-critical-bar: #e5484d;
  --rc-critical-soft: #fff0ee;
  --rc-shadow: 0 12px 32px -8px rgba(16, 24, 40, 0.18), 0 2px 6px rgba(16, 24, 40, 0.06);
  font-family: var(--rc-font);
  font-size: 14px;
  line-height: 1.45;
  color: var(--rc-text);
  -webkit-font-smoothing: antialiased;
  -moz-osx-font-smoothing: grayscale;
  text-align: start;
}
@media (prefers-color-scheme: dark) {
  .rc-root {
    --rc-bg: #1b1c21;
    --rc-surface: #24262d;
    --rc-surface-hover: #2d3038;
    --rc-border: #32353e;
    --rc-border-strong: #444855;
    --rc-text: #eceef2;
    --rc-text-2: #c9ccd4;
    --rc-muted: #a3a8b4;
    --rc-accent: #a5b4fc;
    --rc-accent-soft: rgba(129, 140, 248, 0.14);
    --rc-accent-border: rgba(129, 140, 248, 0.4);
    --rc-focus: #8ab4ff;
    --rc-ok: #6ee7a0;
    --rc-ok-soft: rgba(34, 197, 94, 0.14);
    --rc-info: #93c5fd;
    --rc-info-bar: #60a5fa;
    --rc-info-soft: rgba(59, 130, 246, 0.16);
    --rc-warning: #fcd34d;
    --rc-warning-bar: #fbbf24;
    --rc-warning-soft: rgba(245, 158, 11, 0.15);
    --rc-critical: #fca5a5;
    --rc-critical-bar: #f87171;
    --rc-critical-soft: rgba(239, 68, 68, 0.16);
    --rc-shadow: 0 12px 32px -8px rgba(0, 0, 0, 0.6), 0 2px 6px rgba(0, 0, 0, 0.4);
    color-scheme: dark;
  }
}
/* Resets have zero specificity (:where) so that every component rule below wins over them. */
:where(.rc-root) *, :where(.rc-root) *::before, :where(.rc-root) *::after { box-sizing: border-box; }
:where(.rc-root) :where(p, h2, ul, li) { margin: 0; padding: 0; }
:where(.rc-root) :where(ul) { list-style: none; }
:where(.rc-root) :where(button, input, a) { font: inherit; color: inherit; }
:where(.rc-root) :where(button) { -webkit-appearance: none; appearance: none; background: none; border: 0; margin: 0; padding: 0; cursor: pointer; text-align: inherit; }
:where(.rc-root) :where(:focus) { outline: none; }
.rc-root [hidden] { display: none !important; }
.rc-root :focus-visible { outline: 2px solid var(--rc-focus); outline-offset: 2px; }
.rc-icon { width: 16px; height: 16px; flex: none; display: block; }
.rc-sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }

/* Shell */
.rc-sidebar {
  display: flex;
  flex-direction: column;
  width: var(--rc-width);
  max-width: 100%;
  max-height: var(--rc-max-height);
  background: var(--rc-bg);
  border: 1px solid var(--rc-border);
  border-radius: 14px;
  box-shadow: var(--rc-shadow);
  overflow: hidden;
}

/* Header */
.rc-header { padding: 12px 14px 12px 16px; display: flex; flex-direction: column; gap: 10px; border-bottom: 1px solid var(--rc-border); }
.rc-sidebar.is-collapsed .rc-header { border-bottom: 0; padding: 8px 8px 8px 12px; }
.rc-sidebar.is-collapsed .rc-bar { gap: 9px; }
.rc-bar { display: flex; align-items: center; gap: 10px; min-height: 32px; }
.rc-logo {
  width: 24px; height: 24px; border-radius: 7px; flex: none;
  display: grid; place-items: center; color: #fff;
  background: linear-gradient(135deg, #6366f1 0%, #8b5cf6 55%, #d946ef 100%);
  box-shadow: inset 0 0 0 1px rgba(255, 255, 255, 0.18);
}
.rc-logo .rc-icon { width: 16px; height: 16px; }
.rc-titles { flex: 1 1 auto; min-width: 0; display: flex; flex-direction: column; gap: 1px; line-height: 1.25; }
.rc-brand { font-size: 14px; font-weight: 650; letter-spacing: -0.01em; }
.rc-field { font-size: 12px; color: var(--rc-muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.rc-icon-btn {
  width: 32px; height: 32px; border-radius: 8px; flex: none; margin-inline-start: auto;
  display: grid; place-items: center; color: var(--rc-muted);
}
.rc-icon-btn:hover { background: var(--rc-surface-hover); color: var(--rc-text); }
.rc-toggle .rc-icon { transition: transform 160ms ease; transform: rotate(180deg); }
.rc-toggle[aria-expanded="false"] .rc-icon { transform: rotate(0deg); }

/* Summary */
.rc-summary { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; justify-content: space-between; }
.rc-chip {
  display: inline-flex; align-items: center; gap: 6px;
  height: 26px; padding: 0 10px 0 9px; border-radius: 999px;
  font-size: 12px; font-weight: 580; white-space: nowrap;
  background: var(--rc-surface); color: var(--rc-text-2);
}
.rc-dot { width: 8px; height: 8px; border-radius: 50%; background: currentColor; flex: none; }
.rc-chip-info { background: var(--rc-info-soft); color: var(--rc-info); }
.rc-chip-warning { background: var(--rc-warning-soft); color: var(--rc-warning); }
.rc-chip-critical { background: var(--rc-critical-soft); color: var(--rc-critical); }
.rc-chip-ok { background: var(--rc-ok-soft); color: var(--rc-ok); }
.rc-chip-muted { color: var(--rc-muted); font-weight: 500; }
.rc-chip-checklist { background: none; padding: 0 2px; color: var(--rc-muted); font-weight: 550; font-variant-numeric: tabular-nums; }
.rc-meter { width: 24px; height: 5px; border-radius: 999px; background: var(--rc-border); overflow: hidden; flex: none; }
.rc-meter-fill { display: block; height: 100%; border-radius: inherit; background: var(--rc-ok); }
.rc-summary-compact { display: block; flex: 1 1 auto; min-width: 0; font-size: 12.5px; line-height: 1.4; }
/* One line when it fits; otherwise it wraps between the two parts, never inside one, and never truncates. */
.rc-summary-compact .rc-chip { display: inline-block; height: auto; padding: 0; background: none; font-size: 12.5px; }
.rc-summary-compact .rc-dot { display: none; }
.rc-sidebar.is-collapsed .rc-icon-btn { width: 28px; height: 28px; }
.rc-summary-compact .rc-chip-checklist::before { content: "\00b7"; margin: 0 6px; color: var(--rc-muted); }
.rc-summary-compact .rc-meter { display: none; }

.rc-switch {
  display: flex; align-items: center; gap: 8px; width: calc(100% + 12px); margin: -2px -6px; padding: 5px 6px; border-radius: 8px;
  font-size: 13px; color: var(--rc-text-2);
}
.rc-switch:hover { background: var(--rc-surface-hover); color: var(--rc-text); }
.rc-switch-icon { width: 14px; height: 14px; color: var(--rc-muted); }
.rc-switch-label { flex: 1 1 auto; min-width: 0; }
.rc-switch-track { width: 30px; height: 18px; border-radius: 999px; background: var(--rc-border-strong); position: relative; flex: none; transition: background 160ms ease; }
.rc-switch-thumb { position: absolute; top: 2px; left: 2px; width: 14px; height: 14px; border-radius: 50%; background: #fff; box-shadow: 0 1px 2px rgba(0, 0, 0, 0.25); transition: transform 160ms ease; }
.rc-switch[aria-checked="true"] .rc-switch-track { background: var(--rc-accent); }
.rc-switch[aria-checked="true"] .rc-switch-thumb { transform: translateX(12px); }
.rc-switch[aria-checked="true"] .rc-switch-icon { color: var(--rc-accent); }
@media (prefers-color-scheme: dark) { .rc-switch[aria-checked="true"] .rc-switch-thumb { background: #1b1c21; } }

/* Body */
.rc-body { flex: 1 1 auto; min-height: 0; overflow-y: auto; overscroll-behavior: contain; scrollbar-width: thin; padding: 14px 14px 16px; display: flex; flex-direction: column; gap: 20px; }
.rc-section { display: flex; flex-direction: column; gap: 10px; }
.rc-section-head { display: flex; align-items: baseline; justify-content: space-between; gap: 8px; padding: 0 2px; }
.rc-heading { font-size: 11.5px; font-weight: 650; letter-spacing: 0.06em; text-transform: uppercase; color: var(--rc-muted); }
.rc-count { font-size: 12px; font-weight: 600; color: var(--rc-muted); font-variant-numeric: tabular-nums; }

/* Findings */
.rc-findings { display: flex; flex-direction: column; gap: 10px; }
.rc-finding {
  --sev: var(--rc-info); --sev-bar: var(--rc-info-bar); --sev-soft: var(--rc-info-soft);
  position: relative; padding: 12px 12px 8px 15px; border: 1px solid var(--rc-border); border-radius: 10px; background: var(--rc-bg);
  display: flex; flex-direction: column; gap: 8px;
}
.rc-finding::before { content: ""; position: absolute; inset: 10px auto 10px -1px; width: 3px; border-radius: 0 3px 3px 0; background: var(--sev-bar); }
.rc-sev-warning { --sev: var(--rc-warning); --sev-bar: var(--rc-warning-bar); --sev-soft: var(--rc-warning-soft); }
.rc-sev-critical { --sev: var(--rc-critical); --sev-bar: var(--rc-critical-bar); --sev-soft: var(--rc-critical-soft); }
.rc-finding-head { display: flex; align-items: flex-start; gap: 8px; justify-content: space-between; }
.rc-flag {
  min-width: 0; overflow-wrap: anywhere; font-weight: 620; font-size: 14px; line-height: 1.35;
  color: var(--sev); background: var(--sev-soft); padding: 2px 7px; margin-inline-start: -3px; border-radius: 6px;
  text-decoration: underline wavy var(--sev-bar); text-decoration-thickness: 1px; text-underline-offset: 4px;
}
.rc-flag:hover { filter: brightness(0.97); text-decoration-style: solid; }
.rc-sev { display: inline-flex; align-items: center; gap: 4px; flex: none; font-size: 11.5px; font-weight: 600; color: var(--sev); padding-top: 3px; }
.rc-sev .rc-icon { width: 14px; height: 14px; }
.rc-reason { font-size: 13px; color: var(--rc-text-2); overflow-wrap: anywhere; white-space: pre-line; }
.rc-alts { display: flex; flex-direction: column; gap: 6px; margin-top: 2px; }
.rc-alts-label { font-size: 11.5px; font-weight: 600; color: var(--rc-muted); }
.rc-alt {
  display: flex; align-items: center; gap: 10px; width: 100%; padding: 8px 10px; border-radius: 8px;
  border: 1px solid var(--rc-border); background: var(--rc-surface); font-size: 13.5px; line-height: 1.4; color: var(--rc-text);
  transition: background 120ms ease, border-color 120ms ease;
}
.rc-alt-text { flex: 1 1 auto; min-width: 0; overflow-wrap: anywhere; }
.rc-alt-icon { color: var(--rc-accent); opacity: 0; transform: translateX(-3px); transition: opacity 120ms ease, transform 120ms ease; }
.rc-alt:hover, .rc-alt:focus-visible { background: var(--rc-accent-soft); border-color: var(--rc-accent-border); }
.rc-alt:hover .rc-alt-icon, .rc-alt:focus-visible .rc-alt-icon { opacity: 1; transform: none; }
.rc-alt:active { transform: translateY(0.5px); }
.rc-finding-foot { display: flex; flex-wrap: wrap; align-items: center; gap: 2px; margin: 0 -5px; }
.rc-quiet {
  display: inline-flex; align-items: center; padding: 4px 5px; border-radius: 6px;
  font-size: 12px; font-weight: 500; color: var(--rc-muted);
}
.rc-quiet:hover { color: var(--rc-text); background: var(--rc-surface-hover); }
.rc-why { display: inline-flex; align-items: center; gap: 3px; vertical-align: top; white-space: nowrap; font-weight: 550; color: var(--rc-accent); text-decoration: none; border-radius: 4px; }
.rc-why:hover { text-decoration: underline; text-underline-offset: 2px; }
.rc-why .rc-icon { width: 12px; height: 12px; }

/* Checklist */
.rc-checklist { display: flex; flex-direction: column; border: 1px solid var(--rc-border); border-radius: 10px; overflow: hidden; }
.rc-check { display: flex; align-items: flex-start; gap: 10px; padding: 10px 10px 10px 12px; }
.rc-check + .rc-check { border-top: 1px solid var(--rc-border); }
.rc-check-box {
  -webkit-appearance: none; appearance: none; margin: 1px 0 0; flex: none; width: 18px; height: 18px; border-radius: 50%;
  border: 1.5px solid var(--rc-border-strong); background: var(--rc-bg); cursor: default; position: relative; display: grid; place-content: center;
}
.rc-check-box:checked { background: var(--rc-ok); border-color: var(--rc-ok); }
.rc-check-box:checked::after {
  content: ""; width: 5px; height: 9px; margin-top: -2px; border: solid var(--rc-bg); border-width: 0 2px 2px 0; transform: rotate(45deg);
}
.rc-check-text { flex: 1 1 auto; min-width: 0; display: flex; flex-direction: column; gap: 1px; }
.rc-check-label { font-size: 13.5px; font-weight: 560; color: var(--rc-text); cursor: default; overflow-wrap: anywhere; }
.rc-check.is-done .rc-check-label { color: var(--rc-text-2); font-weight: 500; }
.rc-check-hint { font-size: 12px; color: var(--rc-muted); overflow-wrap: anywhere; }
.rc-insert {
  flex: none; display: inline-flex; align-items: center; gap: 4px; height: 26px; padding: 0 9px 0 7px; border-radius: 999px;
  font-size: 12px; font-weight: 600; color: var(--rc-accent); border: 1px solid var(--rc-accent-border); background: var(--rc-accent-soft);
}
.rc-insert .rc-icon { width: 13px; height: 13px; }
.rc-insert:hover { background: var(--rc-accent); border-color: var(--rc-accent); color: var(--rc-bg); }

/* Notices: empty state, all clear, paused */
.rc-notice { display: flex; flex-direction: column; align-items: center; text-align: center; gap: 6px; padding: 22px 18px; border-radius: 10px; background: var(--rc-surface); }
.rc-notice-icon { width: 40px; height: 40px; border-radius: 50%; display: grid; place-items: center; margin-bottom: 4px; background: var(--rc-bg); color: var(--rc-muted); box-shadow: 0 0 0 1px var(--rc-border); }
.rc-notice-icon .rc-icon { width: 22px; height: 22px; }
.rc-notice-ok .rc-notice-icon { background: var(--rc-ok-soft); color: var(--rc-ok); box-shadow: none; }
.rc-notice-paused .rc-notice-icon { background: var(--rc-accent-soft); color: var(--rc-accent); box-shadow: none; }
.rc-notice-title { font-size: 14px; font-weight: 620; color: var(--rc-text); text-wrap: balance; }
.rc-notice-body { font-size: 12.5px; color: var(--rc-muted); max-width: 260px; text-wrap: pretty; }

/* Status (polite live region) */
.rc-status { display: flex; align-items: flex-start; gap: 8px; padding: 9px 14px 9px 16px; font-size: 12.5px; border-top: 1px solid var(--rc-border); color: var(--rc-text-2); background: var(--rc-surface); }
.rc-status .rc-icon { margin-top: 1px; width: 15px; height: 15px; color: var(--rc-ok); }
.rc-status-text { min-width: 0; overflow-wrap: anywhere; }
.rc-status-empty { padding: 0; border: 0; min-height: 0; background: none; }
.rc-status-error { color: var(--rc-critical); background: var(--rc-critical-soft); border-top-color: var(--rc-critical-bar); font-weight: 520; }
.rc-status-error .rc-icon { color: var(--rc-critical); }

@media (forced-colors: active) {
  .rc-finding::before, .rc-dot, .rc-meter-fill { background: CanvasText; }
  .rc-check-box:checked { background: Highlight; }
  .rc-root :focus-visible { outline-color: Highlight; }
}
@media (prefers-reduced-motion: reduce) {
  .rc-root *, .rc-root *::before, .rc-root *::after { transition: none !important; }
}
`;
