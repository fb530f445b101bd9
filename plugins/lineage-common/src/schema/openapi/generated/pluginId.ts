export const pluginId = 'lineage';
