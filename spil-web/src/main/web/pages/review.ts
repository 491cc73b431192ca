// The review queue: the pairs of records nearest the threshold that the team has not judged, side
// by side with the explanation; keys S (same), D (different), U (unsure), Z (undo, up to 20).
import { api, query } from "../api";
import { h, notice } from "../dom";
import { explanationBars } from "../explain";
import { follow } from "../jobs";
import type { Job } from "../jobs";
import type { Entity, Page, ReviewPair } from "../types";

interface Decision {
  pair: ReviewPair;
  verdict: string;
}

const undo: Decision[] = [];

export async function renderReview(main: HTMLElement): Promise<void> {
  main.append(h("h1", {}, "Review"), h("p", { class: "lede" }, "Pairs where your judgement helps the team's resolution most. Keys: S same, D different, U unsure, Z undo."));
  const jobBox = h("div", { "aria-live": "polite" });
  const resolveButton = h("button", {}, "Resolve again");
  resolveButton.addEventListener("click", async () => {
    resolveButton.disabled = true;
    try {
      const end = await follow(await api<Job>("/api/resolve", "POST", {}), jobBox);
      if (end.state === "done") jobBox.append(h("a", { href: "#/review", class: "button" }, "Review the new pairs"));
    } finally {
      resolveButton.disabled = false;
    }
  });
  main.append(h("div", { class: "actions" }, resolveButton, jobBox));
  const queue = (await api<Page<ReviewPair>>("/api/review" + query({ limit: 50 }))).results;
  const stage = h("section", { class: "review", "aria-live": "polite" });
  const status = h("p", { class: "status", role: "status" });
  main.append(status, stage);
  let i = 0;

  const show = async () => {
    if (i >= queue.length) {
      stage.replaceChildren(notice("Nothing more to review for this purpose.", "ok"));
      return;
    }
    const pair = queue[i];
    const [a, b] = await Promise.all([api<Entity>(`/api/entities/${encodeURIComponent(pair.a)}`), api<Entity>(`/api/entities/${encodeURIComponent(pair.b)}`)]);
    stage.replaceChildren(
      h("p", { class: "muted" }, `Pair ${i + 1} of ${queue.length}`),
      h("div", { class: "pair" }, record(a, b), record(b, a)),
      h(
        "div",
        { class: "verdicts" },
        h("button", { class: "primary", onclick: () => void decide("same") }, h("kbd", {}, "S"), " Same"),
        h("button", { onclick: () => void decide("different") }, h("kbd", {}, "D"), " Different"),
        h("button", { onclick: () => void decide("unsure") }, h("kbd", {}, "U"), " Unsure"),
        h("button", { onclick: () => void back(), disabled: undo.length === 0 }, h("kbd", {}, "Z"), " Undo"),
      ),
      explanationBars(pair.explanation, pair.probability),
    );
  };

  const decide = async (verdict: string) => {
    const pair = queue[i];
    if (!pair) return;
    try {
      await api("/api/judgements", "POST", { a: pair.a, b: pair.b, verdict, revise: true });
      undo.push({ pair, verdict });
      if (undo.length > 20) undo.shift();
      status.textContent = `Judged ${pair.name_a} and ${pair.name_b}: ${verdict}.`;
      i++;
      await show();
    } catch (err) {
      status.textContent = err instanceof Error ? err.message : String(err);
    }
  };

  const back = async () => {
    const last = undo.pop();
    if (!last) return;
    // a judgement cannot be unsaid; undoing it records "unsure", which steers nothing
    await api("/api/judgements", "POST", { a: last.pair.a, b: last.pair.b, verdict: "unsure", revise: true });
    status.textContent = `Undone: ${last.pair.name_a} and ${last.pair.name_b} are back to unsure.`;
    if (i > 0 && queue[i - 1] === last.pair) i--;
    else queue.splice(i, 0, last.pair);
    await show();
  };

  const keys = (e: KeyboardEvent) => {
    if (!stage.isConnected) {
      document.removeEventListener("keydown", keys);
      return;
    }
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.ctrlKey || e.metaKey || e.altKey) return;
    const verdict = { s: "same", d: "different", u: "unsure" }[e.key.toLowerCase()];
    if (verdict) void decide(verdict);
    if (e.key.toLowerCase() === "z") void back();
  };
  document.addEventListener("keydown", keys);
  await show();
}

/** One record of a pair; values the other record shares are marked, those it contradicts too. */
function record(e: Entity, other: Entity): HTMLElement {
  const rows = Object.entries(e.properties)
    .sort()
    .map(([p, vs]) => {
      const mine = new Set(vs.map((v) => v.value));
      const theirs = new Set((other.properties[p] ?? []).map((v) => v.value));
      const shared = [...mine].some((v) => theirs.has(v));
      const state = theirs.size === 0 ? "" : shared ? "agrees" : "differs";
      return h(
        "tr",
        { class: state },
        h("th", { scope: "row" }, p),
        h("td", {}, [...mine].join("; "), state ? h("span", { class: "visually-hidden" }, state === "agrees" ? " (the same in both)" : " (differs)") : ""),
        h("td", { class: "muted small" }, [...new Set(vs.map((v) => v.dataset))].join(", ")),
      );
    });
  return h("article", { class: "record" }, h("h2", {}, h("a", { href: `#/entity/${encodeURIComponent(e.id)}` }, e.caption)), h("p", { class: "muted small" }, `${e.schema} · ${e.id}`), h("table", {}, h("tbody", {}, rows)));
}
