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
  for (const r of relations.results) {
    const start = START.map((p) => r.properties[p]?.[0]).find(Boolean);
    if (!start) continue;
    const end = END.map((p) => r.properties[p]?.[0]).find((d) => d && d !== start);
    events.push({ date: start, end, kind: r.schema, relation: r });
  }
  events.sort((a, b) => a.date.localeCompare(b.date));
  return { entity, events, more: relations.more, relations: relations.results };
}

/** A date of any precision (2019, 2019-05, 2019-05-17) as milliseconds at its start. */
export function time(date: string): number {
  const [y, m, d] = date.split("-");
  return Date.UTC(Number(y), m ? Number(m) - 1 : 0, d ? Number(d.slice(0, 2)) : 1);
}
