// Watch lists and their alerts: what the user watches under the purpose (a subject, a search, an
// entity) and the inbox of what new deliveries and resolutions raised, to confirm or dismiss.
import { api, query } from "../api";
import { h, notice, schemaTag } from "../dom";
import type { Page, Watch, WatchAlert } from "../types";

export async function renderAlerts(main: HTMLElement, _args: string[], params: URLSearchParams): Promise<void> {
  const unreadOnly = params.get("unread") === "true";
  const [alerts, watches] = await Promise.all([
    api<Page<WatchAlert> & { unread: number }>("/api/alerts" + query({ unread: unreadOnly ? "true" : "" })),
    api<Page<Watch>>("/api/watches"),
  ]);
  const rerender = async () => {
    main.replaceChildren();
    await renderAlerts(main, _args, params);
    refreshAlertCount();
  };
  main.append(
    h("h1", {}, "Alerts"),
    h(
      "p",
      { class: "lede" },
      "After every delivery and every resolution, new records are checked against your watches under this purpose, with your rights at that moment. A record you may read is named; a record of another agency you may only know exists comes as a hit to ask about, counted against your daily hit quota. Whoever delivered the data is not told.",
    ),
  );
  const filter = h(
    "p",
    { class: "chips" },
    h("a", { href: "#/alerts", class: unreadOnly ? null : "chosen" }, "All ", h("span", { class: "n" }, String(alerts.total))),
    h("a", { href: "#/alerts?unread=true", class: unreadOnly ? "chosen" : null }, "New ", h("span", { class: "n" }, String(alerts.unread))),
  );
  main.append(h("div", { class: "columns watch-layout" }, h("section", {}, h("h2", {}, "Inbox"), filter, inbox(alerts.results, rerender)), h("section", { class: "side" }, watchForm(params, rerender), watchList(watches.results, rerender))));
}

function inbox(alerts: WatchAlert[], rerender: () => Promise<void>): HTMLElement {
  if (alerts.length === 0) return notice("No alerts. Watch a subject, a search or an entity; the next delivery that holds it raises one here.", "info");
  return h("ol", { class: "alerts" }, alerts.map((a) => card(a, rerender)));
}

function card(a: WatchAlert, rerender: () => Promise<void>): HTMLElement {
  const status = h("span", { class: "small", "aria-live": "polite" });
  const reason = h("input", { class: "reason", placeholder: "why (needed to dismiss)", "aria-label": `Reason for ${a.id}` });
  const triage = (to: string) => async () => {
    try {
      await api(`/api/alerts/${encodeURIComponent(a.id)}`, "POST", { status: to, reason: reason.value.trim() || null });
      await rerender();
    } catch (err) {
      status.textContent = err instanceof Error ? err.message : String(err);
    }
  };
  const subject = a.entity
    ? h("p", { class: "small" }, a.schema ? [schemaTag(a.schema), " "] : "Record: ", h("a", { href: `#/entity/${encodeURIComponent(a.entity)}`, title: a.entity }, a.caption ?? a.entity))
    : a.reference
      ? h(
          "span",
          { class: "small" },
          h("strong", {}, a.agency ?? ""),
          ` holds a ${a.strength ?? ""} match; ask ${a.contact ?? ""} quoting `,
          h("code", {}, a.reference),
          " ",
          h("a", { href: "#/requests" }, "Requests"),
        )
      : null;
  const decided = a.status === "confirmed" || a.status === "dismissed" ? h("span", { class: `verdict verdict-${a.status}` }, `${a.status}${a.decided ? " " + a.decided.replace("T", " ").slice(0, 16) : ""}`, a.reason ? `: ${a.reason}` : "") : null;
  return h(
    "li",
    { class: `alert alert-${a.status === "new" ? "open" : a.status}` },
    h(
      "div",
      { class: "alert-head" },
      h("span", { class: `typology status-${a.status}` }, a.status === "new" ? "New" : a.status[0].toUpperCase() + a.status.slice(1)),
      h("span", { class: "muted small" }, a.created.replace("T", " ").slice(0, 16)),
      h("span", { class: "small" }, a.watch_label ?? a.watch),
      decided,
    ),
    h("p", { class: "explanation-text" }, a.explanation),
    subject,
    a.status === "withdrawn"
      ? null
      : h(
          "div",
          { class: "actions" },
          a.status === "new"
            ? [
                h("button", { class: "primary small", onclick: () => void triage("confirmed")() }, "Confirm"),
                reason,
                h("button", { class: "small", onclick: () => void triage("dismissed")() }, "Dismiss"),
              ]
            : h("button", { class: "small", onclick: () => void triage("new")() }, "Reopen"),
          status,
        ),
  );
}

function watchForm(params: URLSearchParams, rerender: () => Promise<void>): HTMLElement {
  const kind = h(
    "select",
    { id: "watch-kind", name: "kind" },
    h("option", { value: "subject" }, "a subject"),
    h("option", { value: "query", selected: params.has("query") }, "a search"),
    h("option", { value: "entity", selected: params.has("entity") }, "an entity"),
  );
  const input = (name: string, label: string, attrs: Record<string, string> = {}) =>
    h("div", { class: `field field-${name}` }, h("label", { for: `watch-${name}` }, label), h("input", { id: `watch-${name}`, name, value: params.get(name) ?? "", ...attrs }));
  const fields = {
    subject: [input("name", "Name"), input("dob", "Date of birth", { type: "date" }), input("identifier", "Identifier (passport, registration, e-mail)")],
    query: [input("query", "Search", { placeholder: "as in Search" })],
    entity: [input("entity", "Entity id")],
  };
  const note = input("note", "Note (for you)");
  const box = h("div", {});
  const show = () => box.replaceChildren(...fields[kind.value as keyof typeof fields]);
  kind.addEventListener("change", show);
  show();
  const out = h("div", { "aria-live": "polite" });
  const form = h(
    "form",
    {
      class: "grid-form watch-form",
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const body: Record<string, string> = {};
        new FormData(form).forEach((v, k) => {
          if (k !== "kind" && String(v).trim()) body[k] = String(v).trim();
        });
        try {
          await api<{ id: string }>("/api/watches", "POST", body);
          await rerender();
        } catch (err) {
          out.replaceChildren(notice(err instanceof Error ? err.message : String(err)));
        }
      },
    },
    h("div", { class: "field" }, h("label", { for: "watch-kind" }, "Watch"), kind),
    box,
    note,
    h("button", { type: "submit", class: "primary" }, "Watch"),
    out,
  );
  return h("fieldset", {}, h("legend", {}, "New watch"), form);
}

function watchList(watches: Watch[], rerender: () => Promise<void>): HTMLElement {
  const list =
    watches.length === 0
      ? h("p", { class: "muted small" }, "Nothing watched under this purpose.")
      : h(
          "ul",
          { class: "watches" },
          watches.map((w) =>
            h(
              "li",
              {},
              h("span", {}, w.entity ? h("a", { href: `#/entity/${encodeURIComponent(w.entity)}` }, w.label.replace(/^the watched /, "")) : w.label.replace(/^the watched /, "")),
              w.note ? h("span", { class: "muted small" }, ` (${w.note})`) : "",
              " ",
              h(
                "button",
                {
                  class: "link small",
                  title: "Stop watching; the alerts stay",
                  onclick: async () => {
                    await api(`/api/watches/${encodeURIComponent(w.id)}`, "DELETE");
                    await rerender();
                  },
                },
                "stop",
              ),
            ),
          ),
        );
  return h("fieldset", {}, h("legend", {}, `Watching (${watches.length})`), list);
}

/** Updates the header's count of new alerts, where the header shows it. */
export function refreshAlertCount(): void {
  const badge = document.getElementById("alert-count");
  if (!badge) return;
  api<{ unread: number }>("/api/alerts/unread")
    .then((r) => {
      badge.textContent = r.unread > 0 ? String(r.unread) : "";
      badge.hidden = r.unread === 0;
      badge.setAttribute("aria-label", `${r.unread} new alerts`);
    })
    .catch(() => {
      badge.hidden = true;
    });
}
