// The geo trigonometry rounds to the nearest double where V8's Math functions do not: each
// expected value is what glibc (and so Redis 7.0.15) computes for the same argument.
import { describe, expect, it } from 'vitest';
import { crAsin, crCos, crSin } from './geo-trig.js';

describe('correctly rounded trigonometry', () => {
  it('sin matches glibc where Math.sin is an ulp off', () => {
    expect(crSin(0.8392962638654144)).toBe(0.7441732179103783);
    expect(crSin(-0.8679608919345516)).toBe(-0.7630124778987362);
    expect(crSin(0.12677583503929202)).toBe(0.12643651525605404);
    expect(crSin(2.5)).toBe(0.5984721441039565);
  });

  it('cos matches glibc where Math.cos is an ulp off', () => {
    expect(crCos(1.1117879581991446)).toBe(0.4430593350403837);
    expect(crCos(-0.7837791176338507)).toBe(0.7082506921523287);
    expect(crCos(1.0744483325435832)).toBe(0.47621741208669915);
    expect(crCos(0.7)).toBe(0.7648421872844885);
  });

  it('asin matches glibc where Math.asin is an ulp off', () => {
    expect(crAsin(0.611447042422759)).toBe(0.657888025551732);
    expect(crAsin(0.9702200121044742)).toBe(1.326137458205366);
    expect(crAsin(0.6153623592358872)).toBe(0.6628455882510241);
    expect(crAsin(1)).toBe(Math.PI / 2);
    expect(crAsin(0)).toBe(0);
  });
});
