// CommandStreamEncoder: the RESP text and the direct-to-buffer encodings of a command stream are
// the same bytes, SELECTs included, for any binary arguments and database changes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommandStreamEncoder, type DbCommand } from './command-stream.js';
import { OutputBuffer } from './output-buffer.js';

const latin1 = fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)), maxLength: 70 });
const command = fc.record({ db: fc.integer({ min: 0, max: 3 }), argv: fc.array(latin1, { minLength: 1, maxLength: 5 }) });

describe('CommandStreamEncoder', () => {
  it('writes into an OutputBuffer exactly the text encode() makes', () => {
    fc.assert(
      fc.property(fc.array(fc.array(command, { minLength: 1, maxLength: 4 }), { maxLength: 8 }), (batches: DbCommand[][]) => {
        const text = new CommandStreamEncoder();
        const direct = new CommandStreamEncoder();
        const out = new OutputBuffer(16);
        let expected = '';
        for (const b of batches) {
          expected += text.encode(b);
          direct.encodeTo(b, out);
        }
        expect(out.takeLatin1()).toBe(expected);
        expect(direct.db).toBe(text.db);
      }),
    );
  });

  it('puts a SELECT before the first command and at every change of database', () => {
    const out = new OutputBuffer();
    new CommandStreamEncoder().encodeTo([{ db: 0, argv: ['SET', 'a', '1'] }, { db: 0, argv: ['DEL', 'a'] }, { db: 2, argv: ['INCR', 'n'] }], out);
    expect(out.takeLatin1()).toBe(
      '*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n*3\r\n$3\r\nSET\r\n$1\r\na\r\n$1\r\n1\r\n*2\r\n$3\r\nDEL\r\n$1\r\na\r\n' +
        '*2\r\n$6\r\nSELECT\r\n$1\r\n2\r\n*2\r\n$4\r\nINCR\r\n$1\r\nn\r\n',
    );
  });
});
