export const pluginId = 'slo';
