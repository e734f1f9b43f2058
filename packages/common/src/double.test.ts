// Proves Redis's float rules: strtod-style parsing (whole string, no NaN, no overflow),
// %.17g replies, and INCRBYFLOAT's x87 long double addition printed as %.17Lf.
import { describe, expect, it } from 'vitest';
import { addDecimalStrings, formatDouble, formatFixed17, formatG, longDoubleSecondsToMillis, parseDouble } from './double.js';

describe('parseDouble', () => {
  it('reads signed integers of up to 15 digits exactly, and longer ones through strtod rules', () => {
    expect(Object.is(parseDouble('-0'), -0)).toBe(true);
    expect(parseDouble('+5')).toBe(5);
    expect(parseDouble('007')).toBe(7);
    expect(parseDouble('999999999999999')).toBe(999999999999999);
    expect(parseDouble('-12345678901234567')).toBe(-12345678901234568);
    for (const bad of ['', '-', '+', '1a', '--1', '1-', ' 1', '1 ']) expect(parseDouble(bad)).toBeNull();
  });

  it('accepts plain decimals, exponents, signs and bare points', () => {
    expect(parseDouble('1.5')).toBe(1.5);
    expect(parseDouble('-2')).toBe(-2);
    expect(parseDouble('+3')).toBe(3);
    expect(parseDouble('5.0e3')).toBe(5000);
    expect(parseDouble('1E-2')).toBe(0.01);
    expect(parseDouble('.5')).toBe(0.5);
    expect(parseDouble('5.')).toBe(5);
    expect(Object.is(parseDouble('-0'), -0)).toBe(true);
  });

  it('accepts inf and infinity in any case, with a sign', () => {
    expect(parseDouble('inf')).toBe(Infinity);
    expect(parseDouble('+Inf')).toBe(Infinity);
    expect(parseDouble('-INFINITY')).toBe(-Infinity);
  });

  it('accepts hexadecimal floats as strtod does', () => {
    expect(parseDouble('0x10')).toBe(16);
    expect(parseDouble('0x1p-3')).toBe(0.125);
    expect(parseDouble('-0x1.8P1')).toBe(-3);
  });

  it('refuses spaces, trailing garbage, NaN, empty and lone signs', () => {
    for (const s of ['', ' 1', '1 ', '1x', 'nan', 'NaN', '-', '.', 'e5', '1e', '0x', 'infinit', '1\u00002']) {
      expect(parseDouble(s)).toBeNull();
    }
  });

  it('refuses overflow to infinity and underflow to zero but keeps denormals', () => {
    expect(parseDouble('1e400')).toBeNull();
    expect(parseDouble('-1e309')).toBeNull();
    expect(parseDouble('1e-400')).toBeNull();
    expect(parseDouble('0e-400')).toBe(0);
    expect(parseDouble('5e-324')).toBe(5e-324);
    expect(parseDouble('1.7976931348623157e308')).toBe(1.7976931348623157e308);
  });
});

describe('formatDouble (%.17g)', () => {
  it('prints 17 significant digits and trims zeros', () => {
    expect(formatDouble(1.5)).toBe('1.5');
    expect(formatDouble(0.1)).toBe('0.10000000000000001');
    expect(formatDouble(3)).toBe('3');
    expect(formatDouble(1e20)).toBe('1e+20');
    expect(formatDouble(1.5e-7)).toBe('1.4999999999999999e-07');
    expect(formatDouble(123456789012345680000)).toBe('1.2345678901234568e+20');
    expect(formatDouble(0.0001)).toBe('0.0001');
  });

  it('spells infinities and zeros as Redis does', () => {
    expect(formatDouble(Infinity)).toBe('inf');
    expect(formatDouble(-Infinity)).toBe('-inf');
    expect(formatDouble(0)).toBe('0');
    expect(formatDouble(-0)).toBe('-0');
  });

  it('formatG honours a smaller precision', () => {
    expect(formatG(3.14159, 3)).toBe('3.14');
    expect(formatG(1234567, 3)).toBe('1.23e+06');
  });
});

describe('formatFixed17 (%.17f of a double)', () => {
  it('prints the exact binary value to 17 places, trimmed', () => {
    expect(formatFixed17(0.1)).toBe('0.10000000000000001');
    expect(formatFixed17(2.5)).toBe('2.5');
    expect(formatFixed17(1e21)).toBe('1000000000000000000000');
    expect(formatFixed17(-1e-20)).toBe('0');
  });
});

describe('addDecimalStrings (INCRBYFLOAT on long doubles)', () => {
  // Expected texts were read from redis-server 7.0.15 on x86_64.
  const cases: [string, string, string][] = [
    ['0', '0.1', '0.1'],
    ['10.5', '0.1', '10.6'],
    ['0.1', '0.2', '0.3'],
    ['0.1', '0.7', '0.8'],
    ['1.1', '-1.1', '0'],
    ['-1', '0.9', '-0.1'],
    ['0', '1000.1', '1000.09999999999999998'],
    ['0', '123456789.123456789', '123456789.12345678899873747'],
    ['1e-20', '0', '0'],
    ['-1e-20', '0', '0'],
    ['3.0e3', '-0.5', '2999.5'],
    ['5.0e3', '2.0e2', '5200'],
    ['0x1p-3', '1', '1.125'],
    ['0', '0x10', '16'],
    ['0', '3.0e-5', '0.00003'],
    ['99999999999999999999', '1', '100000000000000000000'],
    ['17179869184', '1.5', '17179869185.5'],
    ['17179869184', '17179869184', '34359738368'],
    ['1e-4950', '0', '0'],
  ];
  it.each(cases)('%s + %s = %s', (a, b, sum) => {
    expect(addDecimalStrings(a, b)).toBe(sum);
  });

  it('prints huge sums with every integer digit of the long double', () => {
    expect(addDecimalStrings('0', '1e300')).toBe(
      '1000000000000000000008997324079559193870523944273290747938260082321265646596180935755849152083750497190350372508614274835903592556184672983913096260520748646287327135641843653294084255107606016789726652932370030551382947620994540294772781889620606179267611627097410650567187386105690089424915104006144',
    );
    const big = addDecimalStrings('1.18e4932', '0');
    expect(big.length).toBe(4933);
    expect(big.slice(0, 60)).toBe('118000000000000000000065281291809369920269043714016047172983');
  });

  it('a negative zero result prints as 0', () => {
    expect(addDecimalStrings('-0', '-0')).toBe('0');
    expect(addDecimalStrings(String(1 / 41), String(-1 / 41))).toBe('0');
  });

  it('refuses invalid operands with "value is not a valid float"', () => {
    for (const [a, b] of [[' 11', '1'], ['11 ', '1'], ['1\u00002', '1'], ['1', 'abc'], ['1', ''], ['1e-4951', '0'], ['1e4933', '0'], ['nan', '1']]) {
      expect(() => addDecimalStrings(a as string, b as string)).toThrow('ERR value is not a valid float');
    }
    expect(() => addDecimalStrings('1'.repeat(5120), '1')).toThrow('ERR value is not a valid float');
  });

  it('refuses infinite or NaN results', () => {
    expect(() => addDecimalStrings('0', '+inf')).toThrow('ERR increment would produce NaN or Infinity');
    expect(() => addDecimalStrings('inf', '-inf')).toThrow('ERR increment would produce NaN or Infinity');
    expect(() => addDecimalStrings('1e4932', '1e4932')).toThrow('ERR increment would produce NaN or Infinity');
  });
});

describe('longDoubleSecondsToMillis (ceill(strtold(s) * 1000) for blocking timeouts)', () => {
  it('rounds up to whole milliseconds like x87 long doubles do', () => {
    expect(longDoubleSecondsToMillis('0')).toBe(0);
    expect(longDoubleSecondsToMillis('0.05')).toBe(50);
    expect(longDoubleSecondsToMillis('0.0001')).toBe(1);
    expect(longDoubleSecondsToMillis('-0.0001')).toBe(0);
    expect(longDoubleSecondsToMillis('1.5')).toBe(1500);
    expect(longDoubleSecondsToMillis('-0.003')).toBe(-3);
  });

  it('keeps the long double error a double would lose: -0.001 s is -0.999… ms, ceiled to 0', () => {
    expect(longDoubleSecondsToMillis('-0.001')).toBe(0);
    expect(longDoubleSecondsToMillis('-1e-3')).toBe(0);
    expect(longDoubleSecondsToMillis('-0.002')).toBe(-1);
  });

  it('gives LLONG_MIN for infinities and results beyond 2^63, null for what strtold refuses', () => {
    expect(longDoubleSecondsToMillis('inf')).toBe(-(2 ** 63));
    expect(longDoubleSecondsToMillis('1e30')).toBe(-(2 ** 63));
    expect(longDoubleSecondsToMillis('1e400')).toBe(-(2 ** 63));
    expect(longDoubleSecondsToMillis('nan')).toBeNull();
    expect(longDoubleSecondsToMillis(' 1')).toBeNull();
    expect(longDoubleSecondsToMillis('')).toBeNull();
    expect(longDoubleSecondsToMillis('1e99999')).toBeNull();
  });
});
