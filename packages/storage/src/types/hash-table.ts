// The hashtable encoding of a hash: a field → slot map over two dense arrays, so a
// uniformly random pair costs O(1) (HRANDFIELD) and deletes swap the last pair into the hole.
// The map's insertion order is what HSCAN's live iterators walk (see hash-scan.ts).

export class HashTable {
  private readonly slots = new Map<string, number>();
  private readonly fieldList: string[] = [];
  private readonly valueList: string[] = [];

  get size(): number {
    return this.fieldList.length;
  }

  get(field: string): string | undefined {
    const i = this.slots.get(field);
    return i === undefined ? undefined : this.valueList[i];
  }

  has(field: string): boolean {
    return this.slots.has(field);
  }

  /** True when the field is new. */
  set(field: string, value: string): boolean {
    const i = this.slots.get(field);
    if (i !== undefined) {
      this.valueList[i] = value;
      return false;
    }
    this.slots.set(field, this.fieldList.length);
    this.fieldList.push(field);
    this.valueList.push(value);
    return true;
  }

  delete(field: string): boolean {
    const i = this.slots.get(field);
    if (i === undefined) return false;
    this.slots.delete(field);
    const last = this.fieldList.length - 1;
    const lastField = this.fieldList.pop() as string;
    const lastValue = this.valueList.pop() as string;
    if (i !== last) {
      this.fieldList[i] = lastField;
      this.valueList[i] = lastValue;
      this.slots.set(lastField, i); // an existing key: its place in the iteration order stays
    }
    return true;
  }

  fieldAt(i: number): string {
    return this.fieldList[i] as string;
  }

  valueAt(i: number): string {
    return this.valueList[i] as string;
  }

  /** The fields in insertion order; a live iterator sees later inserts, skips later deletes. */
  fieldIterator(): Iterator<string> {
    return this.slots.keys();
  }

  clone(): HashTable {
    const t = new HashTable();
    for (let i = 0; i < this.fieldList.length; i++) t.set(this.fieldList[i] as string, this.valueList[i] as string);
    return t;
  }
}
