// Types for `reporter.js`, which mocha loads by path and the end-to-end bundle imports.
import { reporters } from 'mocha';

declare class SpecWithTotals extends reporters.Spec {}
export = SpecWithTotals;
