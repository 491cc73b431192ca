// The application's shell: login, the purpose every read is made for (always in the header,
// switchable, audited by the server), the navigation, and the router from #/... to a page.
import "./style.css";
import { ApiError, choosePurpose, login, logout, oversees, purpose, resume, session, whenLoggedOut } from "./api";
import { h, notice } from "./dom";
import { renderSearch } from "./pages/search";
import { renderEntity } from "./pages/entity";
import { renderNetwork } from "./pages/network";
import { renderTimeline } from "./pages/timeline";
import { renderMap } from "./pages/map";
import { renderReview } from "./pages/review";
import { renderHits } from "./pages/hits";
import { renderRequests } from "./pages/requests";
import { renderAudit } from "./pages/audit";
import { renderUpload } from "./pages/upload";
import { renderFlows, renderTrace } from "./pages/flows";
import { renderAssets } from "./pages/assets";
import { renderTargeting, renderChain, renderRoutes, renderInsiders } from "./pages/goods";
import { renderMonitor } from "./pages/monitor";
import { renderAlerts, refreshAlertCount } from "./pages/alerts";
import { renderCooperation } from "./pages/cooperation";
import { renderMessages } from "./pages/messages";
import { renderTriage } from "./pages/triage";
import { renderHandle } from "./pages/handle";

/** A page: renders into the main element from the route's parameters. */
export type PageRender = (main: HTMLElement, args: string[], params: URLSearchParams) => Promise<void>;

/** The pages that need no purpose: an overseer without one still reaches them. */
const UNREAD = new Set(["Requests", "Audit"]);

/** Whether the user may read for any purpose (a privacy officer may not: it oversees). */
function reads(): boolean {
  const me = session();
  return !!me && me.cases.length + me.legal_tasks.length > 0;
}

const ROUTES: [RegExp, string, PageRender][] = [
  [/^search$/, "Search", renderSearch],
  [/^messages$/, "Messages", renderMessages],
  [/^triage$/, "Triage", renderTriage],
  [/^handle\/([^/]+)$/, "Messages", renderHandle],
  [/^entity\/([^/]+)$/, "Entity", renderEntity],
  [/^network\/([^/]+)$/, "Network", renderNetwork],
  [/^network$/, "Network", renderNetwork],
  [/^timeline\/([^/]+)$/, "Timeline", renderTimeline],
  [/^map\/([^/]+)$/, "Map", renderMap],
  [/^flows$/, "Money flows", renderFlows],
  [/^flows\/trace\/([^/]+)$/, "Money flows", renderTrace],
  [/^assets\/([^/]+)$/, "Assets", renderAssets],
  [/^goods$/, "Goods", renderTargeting],
  [/^routes$/, "Routes", renderRoutes],
  [/^insiders$/, "Insiders", renderInsiders],
  [/^monitor$/, "Monitor", renderMonitor],
  [/^alerts$/, "Alerts", renderAlerts],
  [/^cooperation$/, "Cooperation", renderCooperation],
  [/^chain\/([^/]+)$/, "Goods", renderChain],
  [/^review$/, "Review", renderReview],
  [/^hits$/, "Hit/no-hit", renderHits],
  [/^requests$/, "Requests", renderRequests],
  [/^audit$/, "Audit", renderAudit],
  [/^upload$/, "Upload", renderUpload],
];

const app = document.getElementById("app")!;
whenLoggedOut(() => renderLogin("Your session ended; log in again."));
window.addEventListener("hashchange", () => void route());
void start();

async function start(): Promise<void> {
  const me = await resume();
  if (me === null) {
    renderLogin();
  } else {
    await route();
  }
}

function renderLogin(message?: string): void {
  const user = h("input", { id: "login-user", name: "user", autocomplete: "username", required: true });
  const password = h("input", {
    id: "login-password",
    name: "password",
    type: "password",
    autocomplete: "current-password",
    required: true,
  });
  const status = h("div", { "aria-live": "polite" }, message ? notice(message, "info") : null);
  const submit = h("button", { type: "submit", class: "primary" }, "Log in");
  const form = h(
    "form",
    {
      class: "login",
      onsubmit: async (e: Event) => {
        e.preventDefault();
        submit.disabled = true;
        status.replaceChildren();
        try {
          await login(user.value.trim(), password.value);
          password.value = "";
          if (reads()) {
            renderPurposeChoice();
          } else {
            location.hash = oversees() ? "#/audit" : "#/requests";
            await route();
          }
        } catch (err) {
          status.replaceChildren(notice(err instanceof Error ? err.message : String(err)));
          submit.disabled = false;
        }
      },
    },
    h("h1", {}, "Spil"),
    h("p", { class: "lede" }, "The partners' shared warehouse. Log in with your agency account."),
    h("label", { for: "login-user" }, "User"),
    user,
    h("label", { for: "login-password" }, "Password"),
    password,
    submit,
    status,
  );
  app.replaceChildren(h("main", { class: "centred" }, form));
  user.focus();
}

/** The purposes a user may read for: its cases first, then the legal tasks of its agency. */
function purposeOptions(selected: string): HTMLElement[] {
  const me = session()!;
  return [
    h(
      "optgroup",
      { label: "Cases" },
      me.cases.map((c) => h("option", { value: c, selected: c === selected }, `case ${c}`)),
    ),
    h(
      "optgroup",
      { label: "Legal tasks" },
      me.legal_tasks.map((t) => h("option", { value: t, selected: t === selected }, t)),
    ),
  ];
}

function renderPurposeChoice(message?: string): void {
  const me = session()!;
  const select = h("select", { id: "purpose-choice" }, purposeOptions(me.cases[0] ?? me.legal_tasks[0] ?? ""));
  const status = h("div", { "aria-live": "polite" }, message ? notice(message) : null);
  const form = h(
    "form",
    {
      class: "login",
      onsubmit: async (e: Event) => {
        e.preventDefault();
        try {
          await choosePurpose(select.value);
          if (!location.hash || location.hash === "#") location.hash = "#/search";
          await route();
        } catch (err) {
          status.replaceChildren(notice(err instanceof Error ? err.message : String(err)));
        }
      },
    },
    h("h1", {}, "Purpose"),
    h(
      "p",
      { class: "lede" },
      `Logged in as ${me.user} (${me.agency}). Every read is made for one purpose, a case you are a member of or a legal task of your agency, and audited with it.`,
    ),
    h("label", { for: "purpose-choice" }, "Read for"),
    select,
    h("button", { type: "submit", class: "primary" }, "Continue"),
    status,
  );
  app.replaceChildren(h("main", { class: "centred" }, form));
  select.focus();
}

function header(active: string): HTMLElement {
  const me = session()!;
  const nav: [string, string][] = [
    ["#/search", "Search"],
    ["#/messages", "Messages"],
    ["#/triage", "Triage"],
    ["#/network", "Network"],
    ["#/flows", "Money flows"],
    ["#/goods", "Goods"],
    ["#/routes", "Routes"],
    ["#/insiders", "Insiders"],
    ["#/monitor", "Monitor"],
    ["#/alerts", "Alerts"],
    ["#/cooperation", "Cooperation"],
    ["#/review", "Review"],
    ["#/hits", "Hit/no-hit"],
    ["#/requests", "Requests"],
    ["#/upload", "Upload"],
  ];
  if (oversees()) nav.push(["#/audit", "Audit"]);
  if (!reads()) nav.splice(0, nav.length, ...nav.filter(([, label]) => UNREAD.has(label)));
  const select = h(
    "select",
    {
      id: "purpose",
      "aria-label": "Purpose of every read",
      onchange: async () => {
        try {
          await choosePurpose(select.value);
          await route();
        } catch (err) {
          select.value = purpose();
          alert(err instanceof Error ? err.message : String(err));
        }
      },
    },
    purposeOptions(purpose()),
  );
  return h(
    "header",
    { class: "top" },
    h("a", { class: "brand", href: "#/search" }, "Spil"),
    h(
      "nav",
      { "aria-label": "Main" },
      nav.map(([href, label]) =>
        h(
          "a",
          { href, class: label === active ? "active" : null, "aria-current": label === active ? "page" : null },
          label,
          label === "Alerts" ? h("span", { id: "alert-count", class: "count", hidden: true }) : null,
        ),
      ),
    ),
    h(
      "div",
      { class: "who" },
      reads() ? [h("label", { for: "purpose", class: "purpose-label" }, "Purpose"), select] : h("span", { class: "purpose-label" }, "Oversight: no reading purpose"),
      h("span", { class: "user", title: me.roles.join(", ") }, `${me.user} · ${me.agency}`),
      h(
        "button",
        {
          class: "link",
          onclick: async () => {
            await logout();
            location.hash = "";
            renderLogin("Logged out.");
          },
        },
        "Log out",
      ),
    ),
  );
}

let rendering = 0;

async function route(): Promise<void> {
  if (session() === null) {
    renderLogin();
    return;
  }
  if (!purpose() && reads()) {
    renderPurposeChoice();
    return;
  }
  const hash = location.hash.replace(/^#\/?/, "") || (reads() ? "search" : oversees() ? "audit" : "requests");
  const [path, q] = hash.split("?", 2);
  const params = new URLSearchParams(q ?? "");
  let found: [string, PageRender, string[]] | null = null;
  for (const [re, name, render] of ROUTES) {
    const m = re.exec(path || "search");
    if (m) {
      found = [name, render, m.slice(1).map(decodeURIComponent)];
      break;
    }
  }
  const main = h("main", { id: "main", tabindex: "-1" });
  app.replaceChildren(header(found ? found[0] : ""), main);
  if (reads()) refreshAlertCount();
  const mine = ++rendering;
  if (!found) {
    main.append(h("h1", {}, "Not found"), notice(`No page '${path}'.`));
    return;
  }
  document.title = `${found[0]} · Spil`;
  if (!reads() && !UNREAD.has(found[0])) {
    main.append(h("h1", {}, found[0]), notice("Your role reads no data for a purpose; you oversee. The audit log and requests are open to you.", "info"));
    return;
  }
  const loading = h("p", { class: "loading-bar", role: "status" }, h("span", {}), "Loading…");
  main.append(loading);
  try {
    await found[1](main, found[2], params);
  } catch (err) {
    if (mine !== rendering) return;
    if (err instanceof ApiError && err.status === 403 && err.field === "purpose") {
      renderPurposeChoice(err.message);
      return;
    }
    main.append(notice(err instanceof Error ? err.message : String(err)));
  } finally {
    loading.remove();
  }
}
