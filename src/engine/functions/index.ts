// The one index of function definitions: every category file is listed here once, with the folder of its case
// files (test/functions/<category>/<name>.kql). Adding a function to an existing category never changes this file;
// adding a category adds one line.

import { collectionAggregates } from './aggregate/collections.js';
import { arrayFunctions } from './scalar/arrays.js';
import { countAggregates } from './aggregate/count.js';
import { countDistinctAggregates } from './aggregate/count-distinct.js';
import { bitwiseAggregates } from './aggregate/bitwise.js';
import { buildschemaAggregates } from './aggregate/buildschema.js';
import { sketchAggregates } from './aggregate/sketches.js';
import { extremeAggregates } from './aggregate/extremes.js';
import { percentileAggregates } from './aggregate/percentile.js';
import { statisticsAggregates } from './aggregate/stats.js';
import { sumAvgAggregates } from './aggregate/sum-avg.js';
import { takeAnyAggregates } from './aggregate/take-any.js';
import { conditionalFunctions } from './scalar/conditional.js';
import { conversionFunctions } from './scalar/conversion.js';
import { datetimeFunctions } from './scalar/datetime.js';
import { formatFunctions } from './scalar/formats.js';
import { dynamicFunctions } from './scalar/dynamic.js';
import { ipFunctions } from './scalar/ip.js';
import { geoFunctions } from './scalar/geo.js';
import { mathFunctions } from './scalar/math.js';
import { stringFunctions } from './scalar/string.js';
import { textFunctions } from './scalar/text.js';
import { specialFunctions } from './special.js';
import type { FunctionDef } from './types.js';
import { windowFunctions } from './window.js';
import { windowRankFunctions } from './window-rank.js';
import { sketchFunctions } from './scalar/sketches.js';
import { seriesFunctions } from './scalar/series.js';
import { seriesFitFunctions } from './scalar/series-fit.js';

export interface FunctionCategory {
  /** The folder of the category's case files under test/functions/. */
  readonly category: string;
  readonly functions: readonly FunctionDef[];
}

export const FUNCTION_CATEGORIES: readonly FunctionCategory[] = [
  { category: 'conversion', functions: conversionFunctions },
  { category: 'conditional', functions: conditionalFunctions },
  { category: 'datetime', functions: datetimeFunctions },
  { category: 'math', functions: mathFunctions },
  { category: 'dynamic', functions: dynamicFunctions },
  { category: 'string', functions: stringFunctions },
  { category: 'ip', functions: ipFunctions },
  { category: 'geo', functions: geoFunctions },
  { category: 'formats', functions: formatFunctions },
  { category: 'text', functions: textFunctions },
  { category: 'arrays', functions: arrayFunctions },
  { category: 'window', functions: windowFunctions },
  { category: 'window', functions: windowRankFunctions },
  { category: 'sketch', functions: sketchFunctions },
  { category: 'series', functions: seriesFunctions },
  { category: 'series', functions: seriesFitFunctions },
  { category: 'special', functions: specialFunctions },
  { category: 'aggregate', functions: countAggregates },
  { category: 'aggregate', functions: sumAvgAggregates },
  { category: 'aggregate', functions: extremeAggregates },
  { category: 'aggregate', functions: collectionAggregates },
  { category: 'aggregate', functions: takeAnyAggregates },
  { category: 'aggregate', functions: percentileAggregates },
  { category: 'aggregate', functions: statisticsAggregates },
  { category: 'aggregate', functions: countDistinctAggregates },
  { category: 'aggregate', functions: bitwiseAggregates },
  { category: 'aggregate', functions: buildschemaAggregates },
  { category: 'aggregate', functions: sketchAggregates },
];
