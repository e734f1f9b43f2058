// The hashtable encoding of a set: a member → slot map over one dense array, so a uniformly
// random member costs O(1) (SPOP, SRANDMEMBER) and a delete swaps the last member into the
// hole. The map's insertion order is what SSCAN's live iterators walk.

export class MemberTable {
  private readonly slots = new Map<string, number>();
  private readonly list: string[] = [];

  get size(): number {
    return this.list.length;
  }

  has(member: string): boolean {
    return this.slots.has(member);
  }

  /** True when the member is new. */
  add(member: string): boolean {
    if (this.slots.has(member)) return false;
    this.slots.set(member, this.list.length);
    this.list.push(member);
    return true;
  }

  delete(member: string): boolean {
    const i = this.slots.get(member);
    if (i === undefined) return false;
    this.slots.delete(member);
    const last = this.list.pop() as string;
    if (i !== this.list.length) {
      this.list[i] = last;
      this.slots.set(last, i); // an existing key: its place in the iteration order stays
    }
    return true;
  }

  at(i: number): string {
    return this.list[i] as string;
  }

  /** The live member map, for SSCAN's iterators (read only). */
  get members(): ReadonlyMap<string, number> {
    return this.slots;
  }

  clone(): MemberTable {
    const t = new MemberTable();
    for (const m of this.list) t.add(m);
    return t;
  }
}
