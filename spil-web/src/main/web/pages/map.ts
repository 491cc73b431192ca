// The map of an entity: the countries of its addresses and nationality, of the ports its shipments
// passed (a UN/LOCODE starts with its country) and of its border crossings, shaded by how often
// they occur, with each shipment's route from loading to discharge. Country shapes come with the
// application (Natural Earth via world-atlas): the network has no tile server.
import { feature } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import type { Feature, Geometry, Position } from "geojson";
import world from "world-atlas/countries-110m.json";
import codes from "i18n-iso-countries/codes.json";
import { h, notice, s, table } from "../dom";
import { eventsOf } from "../events";

const WIDTH = 960;
const HEIGHT = 480;
export const project = ([lon, lat]: Position): [number, number] => [((lon + 180) / 360) * WIDTH, ((90 - lat) / 180) * HEIGHT];

const numericToAlpha2 = new Map<string, string>((codes as string[][]).map((c) => [c[2], c[0].toLowerCase()]));

interface Place {
  country: string;
  count: number;
  how: Set<string>;
}

export async function renderMap(main: HTMLElement, args: string[]): Promise<void> {
  const { entity, relations, more } = await eventsOf(args[0]);
  const places = new Map<string, Place>();
  const add = (country: string | undefined, how: string) => {
    if (!country || country.length < 2) return;
    const c = country.slice(0, 2).toLowerCase();
    const p = places.get(c) ?? { country: c, count: 0, how: new Set<string>() };
    p.count++;
    p.how.add(how);
    places.set(c, p);
  };
  for (const p of ["country", "nationality", "jurisdiction", "citizenship"]) {
    for (const v of entity.properties[p] ?? []) add(v.value, p);
  }
  const routes: { from: string; to: string; via?: string; caption: string; id: string }[] = [];
  for (const r of relations) {
    for (const p of ["country", "countryOfOrigin"]) for (const v of r.properties[p] ?? []) add(v, `${r.schema} ${p}`);
    for (const p of ["portOfLoading", "portOfTranshipment", "portOfDischarge"]) for (const v of r.properties[p] ?? []) add(v, `${r.schema} ${p} ${v}`);
    const from = r.properties.portOfLoading?.[0];
    const to = r.properties.portOfDischarge?.[0];
    if (from && to) routes.push({ from, to, via: r.properties.portOfTranshipment?.[0], caption: r.caption, id: r.id });
  }
  main.append(
    h("h1", {}, "Map: ", h("a", { href: `#/entity/${encodeURIComponent(entity.id)}` }, entity.caption)),
    h("p", { class: "lede" }, `${places.size} countries, ${routes.length} shipment routes visible for this purpose.`),
  );
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const countries = feature(topology, topology.objects.countries).features as Feature<Geometry, { name: string }>[];
  const centroid = new Map<string, [number, number]>();
  const names = new Map<string, string>();
  const max = Math.max(1, ...[...places.values()].map((p) => p.count));
  const shapes = countries.map((f) => {
    const alpha2 = numericToAlpha2.get(String(f.id ?? "")) ?? "";
    names.set(alpha2, f.properties.name);
    const rings = polygons(f.geometry);
    centroid.set(alpha2, biggestCentre(rings));
    const place = places.get(alpha2);
    const d = rings.map((ring) => pathOf(ring)).join(" ");
    return s(
      "path",
      { d, class: place ? "country marked" : "country", style: null, "fill-opacity": place ? String(0.35 + 0.65 * (place.count / max)) : null },
      s("title", {}, place ? `${f.properties.name}: ${place.count} (${[...place.how].slice(0, 4).join(", ")})` : f.properties.name),
    );
  });
  const arcs = routes.map((r) => {
    const points = [r.from, r.via, r.to].filter((p): p is string => !!p).map((p) => centroid.get(p.slice(0, 2).toLowerCase())).filter((p): p is [number, number] => !!p);
    if (points.length < 2) return null;
    let d = `M${points[0][0]},${points[0][1]}`;
    for (let i = 1; i < points.length; i++) {
      const [x0, y0] = points[i - 1];
      const [x1, y1] = points[i];
      const mx = (x0 + x1) / 2;
      const my = (y0 + y1) / 2 - Math.hypot(x1 - x0, y1 - y0) * 0.2;
      d += ` Q${mx},${my} ${x1},${y1}`;
    }
    return s("path", { d, class: "route" }, s("title", {}, `${r.caption}: ${r.from}${r.via ? " → " + r.via : ""} → ${r.to}`));
  });
  main.append(
    h(
      "figure",
      { class: "map-figure" },
      s("svg", { class: "map", viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": `Map of ${places.size} countries and ${routes.length} routes` }, s("rect", { x: 0, y: 0, width: WIDTH, height: HEIGHT, class: "sea" }), shapes, arcs),
      h("figcaption", {}, "Countries shaded by how often they occur; curves are shipment routes (loading → transhipment → discharge)."),
    ),
  );
  if (places.size === 0) main.append(notice("No address, nationality, port or crossing of this entity is visible for this purpose.", "info"));
  main.append(
    table(
      ["Country", "Occurrences", "As"],
      [...places.values()].sort((a, b) => b.count - a.count).map((p) => [names.get(p.country) ?? p.country.toUpperCase(), String(p.count), [...p.how].slice(0, 6).join(", ")]),
    ),
  );
  if (routes.length) {
    main.append(h("h2", {}, "Shipment routes"), table(["Shipment", "Loading", "Transhipment", "Discharge"], routes.map((r) => [h("a", { href: `#/entity/${encodeURIComponent(r.id)}` }, r.caption), r.from, r.via ?? "", r.to])));
  }
  if (more) main.append(notice("Only the first 2,000 relations are shown.", "info"));
}

/** The countries of the world as plain paths for a map's background, with their names. */
export function worldShapes(): SVGElement[] {
  return countryOutlines().map((c) => s("path", { d: c.d, class: "country" }, s("title", {}, c.name)));
}

/** Each country's outline as an SVG path on the map's projection, with its ISO code and name. */
export function countryOutlines(): { alpha2: string; name: string; d: string; centre: [number, number] }[] {
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const countries = feature(topology, topology.objects.countries).features as Feature<Geometry, { name: string }>[];
  return countries.map((f) => ({
    alpha2: numericToAlpha2.get(String(f.id ?? "")) ?? "",
    name: f.properties.name,
    d: polygons(f.geometry)
      .map((ring) => pathOf(ring))
      .join(" "),
    centre: biggestCentre(polygons(f.geometry)),
  }));
}

export const MAP_WIDTH = WIDTH;
export const MAP_HEIGHT = HEIGHT;

function polygons(g: Geometry): Position[][] {
  if (g.type === "Polygon") return g.coordinates;
  if (g.type === "MultiPolygon") return g.coordinates.flat();
  return [];
}

function pathOf(ring: Position[]): string {
  let d = "";
  let previous: number | null = null;
  for (const p of ring) {
    const [x, y] = project(p);
    // a ring crossing the date line would draw a line across the whole map: start it anew
    const jump = previous !== null && Math.abs(p[0] - previous) > 180;
    d += (d === "" || jump ? "M" : "L") + x.toFixed(1) + "," + y.toFixed(1);
    previous = p[0];
  }
  return d + "Z";
}

function biggestCentre(rings: Position[][]): [number, number] {
  let best: Position[] = [];
  for (const r of rings) if (r.length > best.length) best = r;
  if (best.length === 0) return [0, 0];
  let x = 0;
  let y = 0;
  for (const p of best) {
    const [px, py] = project(p);
    x += px;
    y += py;
  }
  return [x / best.length, y / best.length];
}
