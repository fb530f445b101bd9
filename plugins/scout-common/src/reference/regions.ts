import type { Region } from '../domain/geography.ts';

export const regions: readonly Region[] = [
  {
    region_code: 'NCR',
    name: 'National Capital Region',
    island_group: 'Luzon',
  },
  {
    region_code: 'CAR',
    name: 'Cordillera Administrative Region',
    island_group: 'Luzon',
  },
  { region_code: 'I', name: 'Ilocos Region', island_group: 'Luzon' },
  { region_code: 'II', name: 'Cagayan Valley', island_group: 'Luzon' },
  { region_code: 'III', name: 'Central Luzon', island_group: 'Luzon' },
  { region_code: 'IV-A', name: 'CALABARZON', island_group: 'Luzon' },
  { region_code: 'MIMAROPA', name: 'MIMAROPA Region', island_group: 'Luzon' },
  { region_code: 'V', name: 'Bicol Region', island_group: 'Luzon' },
  { region_code: 'VI', name: 'Western Visayas', island_group: 'Visayas' },
  { region_code: 'VII', name: 'Central Visayas', island_group: 'Visayas' },
  { region_code: 'VIII', name: 'Eastern Visayas', island_group: 'Visayas' },
  { region_code: 'IX', name: 'Zamboanga Peninsula', island_group: 'Mindanao' },
  { region_code: 'X', name: 'Northern Mindanao', island_group: 'Mindanao' },
  { region_code: 'XI', name: 'Davao Region', island_group: 'Mindanao' },
  { region_code: 'XII', name: 'SOCCSKSARGEN', island_group: 'Mindanao' },
  { region_code: 'XIII', name: 'Caraga', island_group: 'Mindanao' },
  {
    region_code: 'BARMM',
    name: 'Bangsamoro Autonomous Region in Muslim Mindanao',
    island_group: 'Mindanao',
  },
];
