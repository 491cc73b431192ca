// The requests inbox: what the user asked of other agencies and what others asked of the user's
// agency; the owning agency grants (until a day) or refuses (with a reason).
import { api, session } from "../api";
import { h, notice, table } from "../dom";
import type { Page, Request } from "../types";

export async function renderRequests(main: HTMLElement): Promise<void> {
  const me = session()!;
  const all = (await api<Page<Request>>("/api/requests")).results;
  const mine = all.filter((r) => r.requester === me.user);
  const toUs = all.filter((r) => r.owner_agency === me.agency && r.requester !== me.user);
  main.append(h("h1", {}, "Requests"));
  main.append(h("h2", {}, `To ${me.agency} (${toUs.length})`));
  if (toUs.length === 0) main.append(notice("No agency has asked yours for access.", "info"));
  else
    main.append(
      table(
        ["Request", "From", "Purpose", "Reason", "Reference", "Status", "Decision"],
        toUs.map((r) => [r.id, r.requester, r.purpose, r.reason, h("code", {}, r.reference), status(r), r.status === "pending" ? decide(r, main) : r.note ?? ""]),
      ),
    );
  main.append(h("h2", {}, `Mine (${mine.length})`));
  if (mine.length === 0) main.append(notice("You have asked no agency for access. Ask from a hit (Hit/no-hit, or an entity's Other agencies tab).", "info"));
  else
    main.append(
      table(
        ["Request", "To", "Purpose", "Reason", "Reference", "Status", "Note"],
        mine.map((r) => [r.id, r.owner_agency, r.purpose, r.reason, h("code", {}, r.reference), status(r), r.note ?? ""]),
      ),
    );
}

function status(r: Request): HTMLElement {
  const text = r.status === "granted" && r.until ? `granted until ${r.until}` : r.status;
  return h("span", { class: `status-${r.status}` }, text, r.decided_by ? h("span", { class: "muted small" }, ` by ${r.decided_by}`) : "");
}

function decide(r: Request, main: HTMLElement): HTMLElement {
  const inMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const until = h("input", { type: "date", value: inMonth, "aria-label": `Grant ${r.id} until` });
  const reason = h("input", { placeholder: "reason to refuse", "aria-label": `Reason to refuse ${r.id}`, size: 22 });
  const out = h("span", { class: "small", "aria-live": "polite" });
  const act = (path: string, body: object) => async () => {
    try {
      await api(`/api/requests/${encodeURIComponent(r.id)}/${path}`, "POST", body);
      main.replaceChildren();
      await renderRequests(main);
    } catch (err) {
      out.textContent = err instanceof Error ? err.message : String(err);
    }
  };
  return h(
    "div",
    { class: "decide" },
    h("span", { class: "inline" }, until, h("button", { class: "small primary", onclick: () => void act("grant", { until: until.value })() }, "Grant")),
    h("span", { class: "inline" }, reason, h("button", { class: "small", onclick: () => void act("refuse", { reason: reason.value.trim() })() }, "Refuse")),
    out,
  );
}
