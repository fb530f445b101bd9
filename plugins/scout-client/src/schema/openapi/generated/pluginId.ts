export const pluginId = 'scout';
