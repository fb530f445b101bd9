/**
 * Scaffolder actions for Scout templates: they check the migrations, SLO
 * specs and catalog entities a template generated before it publishes.
 *
 * @packageDocumentation
 */

export { scaffolderModuleScout as default } from './module';
