/** Clock skew ±10 minutes and a clock put right, one cycle (test/fault/clock-skew.ts; more in `npm run test:fault`). */
import { clockSkewSuite } from '../fault/clock-skew.js';

clockSkewSuite(Number(process.env.TAVLA_FAULT_CYCLES ?? 2));
