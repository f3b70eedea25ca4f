"""The page's CSS and its one script (served inline: nothing is fetched from the network)."""

from __future__ import annotations

CSS = """
.konkyo-msg { line-height: 1.6; }
.konkyo-msg.konkyo-refused, .konkyo-msg.konkyo-conflicting, .konkyo-msg.konkyo-error {
  border-left: 4px solid; padding: 0.4em 0.8em; border-radius: 4px; }
.konkyo-msg.konkyo-answered { border-left: 4px solid #2f9e44; padding: 0.4em 0.8em; border-radius: 4px; }
.konkyo-msg.konkyo-reason-speculative { border-color: #e8a317; background: rgba(232, 163, 23, 0.10); }
.konkyo-msg.konkyo-reason-not-found { border-color: #868e96; background: rgba(134, 142, 150, 0.12); font-style: italic; }
.konkyo-msg.konkyo-conflicting { border-color: #d9480f; background: rgba(217, 72, 15, 0.08); }
.konkyo-msg.konkyo-error { border-color: #c92a2a; background: rgba(201, 42, 42, 0.08); }
.konkyo-msg.konkyo-reason-speculative::before { content: "⚠ "; }
.konkyo-msg.konkyo-reason-not-found::before { content: "∅ "; font-style: normal; }
.konkyo-msg.konkyo-conflicting::before { content: "⇄ "; }
.konkyo-pending { opacity: 0.8; }
.konkyo-spinner { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.5em; border-radius: 50%;
  border: 2px solid currentColor; border-right-color: transparent; animation: konkyo-spin 0.8s linear infinite; }
@keyframes konkyo-spin { to { transform: rotate(360deg); } }
a.konkyo-ref { font-weight: 600; text-decoration: none; padding: 0 0.15em; border-radius: 3px; cursor: pointer; }
a.konkyo-ref:hover { background: rgba(59, 91, 219, 0.15); }
.konkyo-panel { display: flex; flex-direction: column; gap: 0.8em; }
.konkyo-panel-empty { opacity: 0.7; padding: 1em 0; }
.konkyo-panel-head { font-size: 0.95em; }
.konkyo-panel-question { font-weight: 600; }
.konkyo-card { border: 1px solid var(--border-color-primary, #ddd); border-radius: 6px; padding: 0.7em 0.9em;
  scroll-margin-top: 1em; transition: box-shadow 0.3s; }
.konkyo-card-speculative { border-left: 4px solid #e8a317; }
.konkyo-card-asserted { border-left: 4px solid #2f9e44; }
.konkyo-card.konkyo-flash { box-shadow: 0 0 0 3px rgba(59, 91, 219, 0.55); }
.konkyo-card-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.5em; }
.konkyo-n { font-weight: 700; }
.konkyo-title { font-weight: 600; flex: 1 1 auto; }
.konkyo-side { font-size: 0.8em; text-transform: uppercase; opacity: 0.8; }
.konkyo-badge { font-size: 0.78em; padding: 0.1em 0.55em; border-radius: 999px; color: #fff; white-space: nowrap; }
.konkyo-badge-asserted { background: #2f9e44; }
.konkyo-badge-speculative { background: #d48806; }
.konkyo-meta { font-size: 0.82em; opacity: 0.85; margin: 0.3em 0; overflow-wrap: anywhere; }
.konkyo-context { white-space: pre-wrap; line-height: 1.7; font-size: 0.93em; }
mark.konkyo-quote { background: #fff3bf; color: inherit; padding: 0.05em 0.1em; border-radius: 2px; }
.dark mark.konkyo-quote { background: #5c4a00; }
em.konkyo-cue { font-style: normal; text-decoration: underline wavy #d48806; text-underline-offset: 3px; }
.konkyo-cues { font-size: 0.85em; margin-top: 0.4em; }
span.konkyo-cue { display: inline-block; margin-left: 0.4em; padding: 0 0.4em; border: 1px solid #d48806; border-radius: 4px; }
.konkyo-banner { padding: 0.6em 0.9em; border-radius: 6px; background: rgba(59, 91, 219, 0.10); }
.konkyo-banner-error { background: rgba(201, 42, 42, 0.10); }
table.konkyo-documents { width: 100%; border-collapse: collapse; font-size: 0.9em; }
table.konkyo-documents th, table.konkyo-documents td { text-align: left; padding: 0.35em 0.6em; vertical-align: top;
  border-bottom: 1px solid var(--border-color-primary, #ddd); }
table.konkyo-documents td.konkyo-num { text-align: right; }
table.konkyo-documents code { font-size: 0.85em; }
.konkyo-outcomes { list-style: none; padding-left: 0; }
.konkyo-outcome-ok::before { content: "✓ "; color: #2f9e44; }
.konkyo-outcome-rejected { color: #c92a2a; }
.konkyo-outcome-rejected::before { content: "✗ "; }
"""

# [n] markers: scroll the evidence card into view and flash it. The card may not exist yet when the
# click also switches the panel to an older answer (the server re-renders it), so keep looking briefly.
HEAD = """
<script>
document.addEventListener("click", function (event) {
  var link = event.target.closest ? event.target.closest("a.konkyo-ref") : null;
  if (!link) return;
  event.preventDefault();
  var id = link.getAttribute("href").slice(1), tries = 0;
  (function show() {
    var card = document.getElementById(id);
    if (!card) { if (tries++ < 50) setTimeout(show, 100); return; }
    card.scrollIntoView({behavior: "smooth", block: "nearest"});
    card.classList.remove("konkyo-flash"); void card.offsetWidth; card.classList.add("konkyo-flash");
    setTimeout(function () { card.classList.remove("konkyo-flash"); }, 1800);
  })();
}, true);
</script>
"""
