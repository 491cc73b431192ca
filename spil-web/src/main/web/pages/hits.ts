// Hit/no-hit: ask which other agencies hold records matching a name (with a date of birth, IBAN,
// phone or identifier), never their values; each answer carries a reference to request access by.
import { api, query } from "../api";
import { h, notice } from "../dom";
import { hitList } from "./entity";
import type { Hit } from "../types";

export async function renderHits(main: HTMLElement, _args: string[], params: URLSearchParams): Promise<void> {
  const field = (name: string, label: string, type = "text") =>
    h("div", { class: "field" }, h("label", { for: `hit-${name}` }, label), h("input", { id: `hit-${name}`, name, type, value: params.get(name) ?? "" }));
  const out = h("div", { "aria-live": "polite" });
  const form = h(
    "form",
    {
      class: "grid-form",
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const data = new FormData(form);
        const q: Record<string, string> = {};
        data.forEach((v, k) => (q[k] = String(v).trim()));
        if (!q.name) {
          out.replaceChildren(notice("Give at least a name."));
          return;
        }
        out.replaceChildren(notice("Asking…", "info"));
        try {
          const hits = await api<{ results: Hit[] }>("/api/hits" + query(q));
          out.replaceChildren(hitList(hits.results));
        } catch (err) {
          out.replaceChildren(notice(err instanceof Error ? err.message : String(err)));
        }
      },
    },
    field("name", "Name"),
    field("dob", "Date of birth", "date"),
    field("iban", "IBAN"),
    field("phone", "Phone"),
    field("id", "Identifier"),
    h("button", { type: "submit", class: "primary" }, "Ask"),
  );
  main.append(
    h("h1", {}, "Hit/no-hit"),
    h("p", { class: "lede" }, "Which other agencies hold records matching these details that you may not see. You learn the agency and a reference, never a value; at most 300 questions a day and 5 sets of details per name, and your privacy officer is told of patterns."),
    form,
    out,
  );
}
