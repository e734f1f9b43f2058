// NodeChain keeps its nodes in order through any mix of end and middle edits, including the
// front-slack growth and compaction that make head pushes and pops O(1) amortized.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NodeChain } from './list-chain.js';
import { ListNode } from './list-node.js';

const node = (tag: string): ListNode => ListNode.of([tag]);
const tags = (c: NodeChain): string[] => [...c].map((n) => n.view()[0] as string);

describe('NodeChain', () => {
  it('matches an array model under random pushes, pops and splices at both ends', () => {
    const op = fc.oneof(
      fc.record({ k: fc.constantFrom('push', 'unshift', 'pop', 'shift'), n: fc.integer({ min: 1, max: 300 }) }),
      fc.record({ k: fc.constant('splice'), n: fc.nat() }),
    );
    fc.assert(fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
      const chain = new NodeChain();
      const model: string[] = [];
      let next = 0;
      for (const { k, n } of ops) {
        for (let r = 0; r < (k === 'splice' ? 1 : n); r++) {
          if (k === 'push') { const t = `n${next++}`; chain.push(node(t)); model.push(t); }
          if (k === 'unshift') { const t = `n${next++}`; chain.unshift(node(t)); model.unshift(t); }
          if (k === 'pop' && model.length > 0) { chain.pop(); model.pop(); }
          if (k === 'shift' && model.length > 0) { chain.shift(); model.shift(); }
          if (k === 'splice' && model.length > 0) {
            const i = n % model.length;
            const t = `n${next++}`;
            chain.splice(i, 1, node(t), node(`${t}b`));
            model.splice(i, 1, t, `${t}b`);
          }
        }
        expect(chain.length).toBe(model.length);
      }
      expect(tags(chain)).toEqual(model);
      expect(chain.first()?.view()[0]).toBe(model[0]);
      expect(chain.last()?.view()[0]).toBe(model[model.length - 1]);
      for (let i = 0; i < model.length; i += 7) expect(chain.at(i).view()[0]).toBe(model[i]);
    }), { numRuns: 200 });
  });

  it('drops the nodes retain() rejects and keeps the order of the rest', () => {
    const chain = new NodeChain();
    for (let i = 0; i < 10; i++) chain.unshift(node(String(i)));
    chain.retain((n) => Number(n.view()[0]) % 3 !== 0);
    expect(tags(chain)).toEqual(['8', '7', '5', '4', '2', '1']);
    expect(chain.toArray().length).toBe(6);
  });
});
