export const pluginId = 'lakehouse';
