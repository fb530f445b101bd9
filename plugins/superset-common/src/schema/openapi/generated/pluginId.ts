export const pluginId = 'superset';
