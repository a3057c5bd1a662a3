import type { LeaderAliases, UnitAliases } from './manifest';
import { boundedSlug, pinyinSlug } from './slug';

/** Normalised names and stable ids for units or leaders of one kind, per district, with every printed variant. */
export class NameRegistry {
  private canonicalOf = new Map<string, string>(); // `${district}|${variant}` → canonical
  private known = new Set<string>(); // `${district}|${canonical}` from the alias files
  private entries = new Map<string, { id: string; district: string; name: string; variants: Set<string>; taskIds: Set<string> }>();
  private ids = new Map<string, string>(); // id → `${district}|${name}` (to resolve slug collisions)

  constructor(private readonly curated: boolean) {}

  static forUnits(aliases: UnitAliases): NameRegistry {
    const r = new NameRegistry(false);
    for (const [district, { units }] of Object.entries(aliases)) {
      for (const [name, variants] of Object.entries(units)) {
        r.known.add(`${district}|${name}`);
        for (const v of variants) r.canonicalOf.set(`${district}|${v}`, name);
      }
    }
    return r;
  }

  static forLeaders(aliases: LeaderAliases): NameRegistry {
    const r = new NameRegistry(true);
    for (const [district, people] of Object.entries(aliases)) {
      for (const { name, variants } of people) {
        r.known.add(`${district}|${name}`);
        for (const v of variants) r.canonicalOf.set(`${district}|${v}`, name);
      }
    }
    return r;
  }

  canonical(district: string, name: string): string {
    return this.canonicalOf.get(`${district}|${name}`) ?? name;
  }

  /** For curated registries (leaders): is this printed name listed in the alias file? */
  isKnown(district: string, name: string): boolean {
    return !this.curated || this.known.has(`${district}|${this.canonical(district, name)}`);
  }

  /** Register a printed name for a task; returns the entity's id and normalised name. */
  add(district: string, printedName: string, printedForm: string, taskId: string): { id: string; name: string } {
    const name = this.canonical(district, printedName);
    const key = `${district}|${name}`;
    let entry = this.entries.get(key);
    if (!entry) {
      const base = `${district}-${boundedSlug(pinyinSlug(name))}`;
      let id = base;
      for (let n = 2; this.ids.has(id) && this.ids.get(id) !== key; n++) id = `${base}-${n}`;
      this.ids.set(id, key);
      entry = { id, district, name, variants: new Set(), taskIds: new Set() };
      this.entries.set(key, entry);
    }
    entry.variants.add(printedForm);
    entry.taskIds.add(taskId);
    return { id: entry.id, name };
  }

  list(): { id: string; district: string; name: string; variants: string[]; taskIds: string[] }[] {
    return [...this.entries.values()]
      .map((e) => ({ id: e.id, district: e.district, name: e.name, variants: [...e.variants].sort(), taskIds: [...e.taskIds].sort() }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }
}

/** The anomaly for a leader name the alias file does not list (a misprint, or someone new). */
export function unknownLeaderAnomaly(printed: string, line: number) {
  return {
    line,
    kind: 'unknown-name' as const,
    message: `分管区领导“${printed}”不在 content/aliases/leaders.yaml 中：可能是误印，核实后请把它登记为某人的写法或新增一人。`,
  };
}
