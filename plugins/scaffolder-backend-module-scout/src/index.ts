/**
 * Scaffolder actions for Scout templates: they check the migrations, dbt
 * models, SLO specs and catalog entities a template generated, and publish
 * the result (Gitea, or the portal's local Git on the embedded default).
 * `catalogModuleScoutLocalGit` lets the catalog register a repository of
 * that local Git.
 *
 * @packageDocumentation
 */

export { scaffolderModuleScout as default } from './module';
export { catalogModuleScoutLocalGit } from './catalogModule';
