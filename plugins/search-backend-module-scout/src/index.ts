/**
 * The search engine for the embedded default: Lunr that answers "no
 * results" for a type whose collator has not indexed anything yet.
 *
 * @packageDocumentation
 */
export { searchModuleScout as default } from './module';
export { LunrSearchEngineUntilIndexed } from './LunrSearchEngineUntilIndexed';
