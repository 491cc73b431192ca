// The audit viewer for overseers (a privacy officer its agency's partition, the court its cases'
// defence, an administrator the system's): entries by user, entity and time, the chain verified,
// the log exported for verification elsewhere.
import { api, query } from "../api";
import { count, h, notice, table, SCROLL } from "../dom";

interface Entry {
  seq?: number;
  at?: string;
  user?: string;
  purpose?: string;
  action?: string;
  detail?: Record<string, unknown>;
}

export async function renderAudit(main: HTMLElement, _args: string[], params: URLSearchParams): Promise<void> {
  const input = (name: string, label: string, type = "text") =>
    h("div", { class: "field" }, h("label", { for: `audit-${name}` }, label), h("input", { id: `audit-${name}`, name, type, value: params.get(name) ?? "" }));
  const form = h(
    "form",
    {
      class: "grid-form",
      onsubmit: (e: Event) => {
        e.preventDefault();
        const q = new URLSearchParams();
        new FormData(form).forEach((v, k) => v && q.set(k, String(v)));
        location.hash = "#/audit?" + q.toString();
      },
    },
    input("user", "User"),
    input("entity", "Entity"),
    input("since", "Since", "date"),
    h("button", { type: "submit", class: "primary" }, "Query"),
  );
  const verifyOut = h("div", { "aria-live": "polite" });
  const verify = h(
    "button",
    {
      onclick: async () => {
        verifyOut.replaceChildren(notice("Verifying…", "info"));
        try {
          const r = await api<Record<string, unknown>>("/api/audit/verify");
          const ok = r.intact === true || r.ok === true;
          verifyOut.replaceChildren(notice(`${ok ? "Intact" : "NOT intact"}: ${JSON.stringify(r)}`, ok ? "ok" : "error"));
        } catch (err) {
          verifyOut.replaceChildren(notice(err instanceof Error ? err.message : String(err)));
        }
      },
    },
    "Verify the chain",
  );
  const exportLink = h("a", { class: "button", href: "/api/audit/export", download: "spil-audit.jsonl" }, "Export");
  main.append(h("h1", {}, "Audit"), h("p", { class: "lede" }, "Every read, change, login and refusal, chained and keyed so that a removed or altered entry shows."), form, h("div", { class: "actions" }, verify, exportLink), verifyOut);
  const notices = (await api<{ results: Record<string, unknown>[] }>("/api/notices").catch(() => ({ results: [] }))).results;
  if (notices.length) {
    main.append(
      h("h2", {}, `Notices (${notices.length})`),
      table(
        ["Time", "User", "Kind", "Notice"],
        notices.slice(-20).reverse().map((n) => [String(n.at ?? "").replace("T", " ").slice(0, 19), String(n.user ?? ""), String(n.kind ?? ""), String(n.text ?? "")]),
      ),
    );
  }
  main.append(h("h2", {}, "Entries"));
  const entries = (await api<{ results: Entry[]; total: number }>("/api/audit" + query({ user: params.get("user"), entity: params.get("entity"), since: params.get("since") }))).results;
  const shown = entries.slice(-500).reverse();
  main.append(
    h("p", { class: "summary" }, `${count(entries.length)} entries${entries.length > shown.length ? `, the last ${shown.length} shown` : ""}, newest first.`),
    h(
      "div",
      SCROLL,
      table(
        ["#", "Time", "User", "Purpose", "Action", "Detail"],
        shown.map((e) => [String(e.seq ?? ""), h("span", { class: "nowrap" }, (e.at ?? "").replace("T", " ").slice(0, 19)), e.user ?? "", e.purpose ?? "", e.action ?? "", h("code", { class: "detail" }, JSON.stringify(e.detail ?? {}).slice(0, 300))]),
      ),
    ),
  );
}
