// Events of an entity for the timeline and the map: its dated relations (payments, shipments,
// border crossings, messages, directorships...) as the API returned them.
import { api } from "./api";
import type { Entity, Relation, Relations } from "./types";

export interface Event {
  date: string;
  end?: string;
  kind: string;
  relation: Relation;
}

const START = ["date", "startDate", "departureDate", "authoredAt", "publishedAt", "arrivalDate"];
const END = ["endDate", "arrivalDate"];

export async function eventsOf(id: string): Promise<{ entity: Entity; events: Event[]; more: boolean; relations: Relation[] }> {
  const [entity, relations] = await Promise.all([
    api<Entity>(`/api/entities/${encodeURIComponent(id)}`),
    api<Relations>(`/api/entities/${encodeURIComponent(id)}/relations`),
  ]);
  const events: Event[] = [];
  const cases = await courtCases(relations.results);
  for (const r of relations.results) {
    let start = START.map((p) => r.properties[p]?.[0]).find(Boolean);
    let end = END.map((p) => r.properties[p]?.[0]).find((d) => d && d !== start);
    let kind = r.schema;
    const court = r.parties.map((p) => cases.get(p.id)).find(Boolean);
    if (!start && court) {
      // a party to a court case: the case's filing and closing dates
      start = court.properties.fileDate?.[0]?.value;
      end = court.properties.closeDate?.[0]?.value;
      kind = "CourtCase";
    }
    if (!start) continue;
    events.push({ date: start, end: end && end !== start ? end : undefined, kind, relation: r });
  }
  events.sort((a, b) => a.date.localeCompare(b.date));
  return { entity, events, more: relations.more, relations: relations.results };
}

/**
 * The court cases among the parties of undated relations, as the reader may see them (a case the reader
 * may not see answers 404 and is left out).
 */
async function courtCases(relations: Relation[]): Promise<Map<string, Entity>> {
  const ids = new Set<string>();
  for (const r of relations) {
    if (START.some((p) => r.properties[p]?.[0])) continue;
    for (const p of r.parties) if (p.schema === "CourtCase") ids.add(p.id);
  }
  const cases = new Map<string, Entity>();
  await Promise.all(
    [...ids].slice(0, 50).map(async (id) => {
      try {
        cases.set(id, await api<Entity>(`/api/entities/${encodeURIComponent(id)}`));
      } catch {
        // not visible for this purpose: no date to show
      }
    }),
  );
  return cases;
}

/** A date of any precision (2019, 2019-05, 2019-05-17) as milliseconds at its start. */
export function time(date: string): number {
  const [y, m, d] = date.split("-");
  return Date.UTC(Number(y), m ? Number(m) - 1 : 0, d ? Number(d.slice(0, 2)) : 1);
}
