/** The manager's store insights: the one entry the rest of the hub imports. */
export { InsightsService, type InsightsDeps } from './insights.service.js';
export { InsightsRangeError } from './range.js';
export { insightsCsv } from './csv.js';
