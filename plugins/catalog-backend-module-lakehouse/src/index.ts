/**
 * A catalog module that puts every lakehouse table in the catalog as a
 * Resource, read from the lakehouse backend.
 *
 * @packageDocumentation
 */

export { catalogModuleLakehouse as default } from './module';
