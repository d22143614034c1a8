/** A full disk on a small tmpfs, two cycles (test/fault/disk-full.ts; more in `npm run test:fault`). Root only. */
import { diskFullSuite } from '../fault/disk-full.js';

diskFullSuite(Number(process.env.TAVLA_FAULT_CYCLES ?? 2));
