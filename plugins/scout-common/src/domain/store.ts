import { z } from 'zod';
import { regionCodeSchema } from './geography.ts';
import { codeIdSchema, nameSchema } from './ids.ts';

/** A carinderia is a small eatery that also sells drinks and snacks over the counter. */
export const STORE_TYPES = ['sari-sari', 'mini-mart', 'carinderia'] as const;

export const storeTypeSchema = z.enum(STORE_TYPES);

export const storeSchema = z.strictObject({
  store_id: codeIdSchema,
  name: nameSchema,
  store_type: storeTypeSchema,
  region_code: regionCodeSchema,
  city_code: codeIdSchema,
});

/** What sends data: a POS terminal, the owner's phone app, or an IoT sensor (fridge, shelf). */
export const DEVICE_KINDS = ['pos', 'mobile', 'iot'] as const;

export const deviceKindSchema = z.enum(DEVICE_KINDS);

export const deviceSchema = z.strictObject({
  device_id: codeIdSchema,
  store_id: codeIdSchema,
  kind: deviceKindSchema,
});

export type StoreType = z.infer<typeof storeTypeSchema>;
export type Store = z.infer<typeof storeSchema>;
export type DeviceKind = z.infer<typeof deviceKindSchema>;
export type Device = z.infer<typeof deviceSchema>;
