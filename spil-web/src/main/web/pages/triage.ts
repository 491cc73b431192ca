// Triage of threats to life: the messages the reader may read with a threat or weapon signal,
// scored with the two messages before them in their conversation, best first, each with the
// signals behind its score; the team decides (a threat to act on, or not one, with the reason),
// and a decided message leaves the queue. Every decision is audited.
import { api, purpose, query } from "../api";
import { count, h, handleLink, handleLinks, notice, utcMinute } from "../dom";
import type { TriageQueue, Triaged } from "../types";

export async function renderTriage(main: HTMLElement, _args: string[], params: URLSearchParams): Promise<void> {
  const all = params.get("all") === "true";
  const queue = await api<TriageQueue>("/api/messages/triage" + query({ top: 50, all: all ? "true" : "" }));
  const rerender = async () => {
    main.replaceChildren();
    await renderTriage(main, _args, params);
  };
  main.append(
    h("h1", {}, "Threats to life"),
    h(
      "p",
      { class: "lede" },
      `Every message you may read for ${purpose()} with a threat or weapon signal, scored from 0 to 1 with the two messages before it in its conversation; the signals come from ${queue.signals === "built-in" ? "the built-in list" : queue.signals} (spil messages signals). Decide on each: a threat to act on, or not one and why. Decisions are your team's and audited.`,
    ),
    h(
      "p",
      { class: "chips" },
      h("a", { href: "#/triage", class: all ? null : "chosen" }, "Open"),
      h("a", { href: "#/triage?all=true", class: all ? "chosen" : null }, "With decided ", h("span", { class: "n" }, count(queue.decided))),
      h("span", { class: "muted small" }, ` ${count(queue.candidates)} messages with a signal${queue.truncated ? " (the first weighed)" : ""}`),
    ),
  );
  if (queue.results.length === 0) {
    main.append(notice(all ? "No message with a threat signal you may read." : "Nothing left to decide.", "info"));
    return;
  }
  main.append(h("ol", { class: "triage" }, queue.results.map((t) => card(t, rerender))));
}

function card(t: Triaged, rerender: () => Promise<void>): HTMLElement {
  const status = h("span", { class: "small", "aria-live": "polite" });
  const reason = h("input", { class: "reason", placeholder: "why (needed for not a threat)", "aria-label": `Reason for ${t.id}` });
  const decide = (verdict: string) => async () => {
    try {
      await api("/api/messages/triage/decisions", "POST", { message: t.id, verdict, reason: reason.value.trim() || null });
      await rerender();
    } catch (err) {
      status.textContent = err instanceof Error ? err.message : String(err);
    }
  };
  const level = t.score >= 0.8 ? "high" : t.score >= 0.5 ? "medium" : "low";
  return h(
    "li",
    { class: `triaged triage-${level}` },
    h(
      "div",
      { class: "alert-head" },
      h("span", { class: `score score-${level}`, title: "score from 0 to 1" }, t.score.toFixed(2)),
      h("span", { class: "small" }, handleLink(t.from), " → ", ...handleLinks(t.to)),
      h("a", { class: "small", href: `#/messages?${new URLSearchParams({ conversation: t.conversation, sort: "time" }).toString()}` }, "conversation"),
      t.decision ? h("span", { class: `verdict verdict-${t.decision}` }, t.decision === "confirmed" ? "threat" : t.decision === "dismissed" ? "not a threat" : "reopened", t.decision_reason ? `: ${t.decision_reason}` : "") : null,
    ),
    h(
      "ol",
      { class: "thread" },
      ...t.before.map((m) => h("li", { class: "msg context" }, h("time", { datetime: m.time }, utcMinute(m.time)), h("span", { class: "who" }, m.from), h("span", { class: "body" }, m.body))),
      h("li", { class: "msg hit" }, h("time", { datetime: t.time }, utcMinute(t.time)), h("span", { class: "who" }, t.from), h("span", { class: "body" }, t.body)),
    ),
    h("ul", { class: "reasons small" }, t.reasons.map((r) => h("li", {}, r))),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "button", class: "primary", onclick: decide("confirmed") }, "Threat: act"),
      reason,
      h("button", { type: "button", onclick: decide("dismissed") }, "Not a threat"),
      t.decision ? h("button", { type: "button", onclick: decide("open") }, "Reopen") : null,
      status,
    ),
  );
}
