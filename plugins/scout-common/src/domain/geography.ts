import { z } from 'zod';
import { codeIdSchema, nameSchema } from './ids.ts';

/**
 * The 17 administrative regions by their official short codes. This is the
 * division before the Negros Island Region (2024), which most historical data uses.
 */
export const REGION_CODES = [
  'NCR',
  'CAR',
  'I',
  'II',
  'III',
  'IV-A',
  'MIMAROPA',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'BARMM',
] as const;

export const regionCodeSchema = z.enum(REGION_CODES);

export const ISLAND_GROUPS = ['Luzon', 'Visayas', 'Mindanao'] as const;

export const regionSchema = z.strictObject({
  region_code: regionCodeSchema,
  name: nameSchema,
  island_group: z.enum(ISLAND_GROUPS),
});

/** A province, or one of the four districts that stand in for provinces in NCR. */
export const provinceSchema = z.strictObject({
  province_code: codeIdSchema,
  region_code: regionCodeSchema,
  name: nameSchema,
});

/** A city or municipality, placed in the province it lies in geographically. */
export const citySchema = z.strictObject({
  city_code: codeIdSchema,
  province_code: codeIdSchema,
  region_code: regionCodeSchema,
  name: nameSchema,
});

export type RegionCode = z.infer<typeof regionCodeSchema>;
export type IslandGroup = (typeof ISLAND_GROUPS)[number];
export type Region = z.infer<typeof regionSchema>;
export type Province = z.infer<typeof provinceSchema>;
export type City = z.infer<typeof citySchema>;
